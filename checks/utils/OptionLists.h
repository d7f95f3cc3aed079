//===----------------------------------------------------------------------===//
// List-valued check options: "a; b, c" <-> {"a", "b", "c"}.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_UTILS_OPTIONLISTS_H
#define CORO_TIDY_UTILS_OPTIONLISTS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace coro_tidy {

/// Splits an option value at ';' and ',' and drops blanks and empty items.
std::vector<std::string> parseOptionList(llvm::StringRef Value);

/// parseOptionList for qualified names, each without a leading "::".
std::vector<std::string> parseQualifiedNameList(llvm::StringRef Value);

/// The inverse of parseOptionList, joining with ';'.
std::string serializeOptionList(llvm::ArrayRef<std::string> Items);

} // namespace coro_tidy

#endif // CORO_TIDY_UTILS_OPTIONLISTS_H
