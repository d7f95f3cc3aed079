//===----------------------------------------------------------------------===//
// Which catalog categories a check reports, written like -checks globs.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_UTILS_CATEGORYFILTER_H
#define CORO_TIDY_UTILS_CATEGORYFILTER_H

#include "clang-tidy/GlobList.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace coro_tidy {

/// A clang-tidy glob list such as "*,-file-io" (';' separates too): the last
/// matching glob decides. An opt-in category is reported only when a
/// positive glob names it without a wildcard ("*,mutex"), as `-checks=*`
/// leaves clang-tidy's alpha checks off.
class CategoryFilter {
public:
  CategoryFilter(llvm::StringRef Spec, llvm::ArrayRef<std::string> OptIn);
  // Globs refers into GlobText, which must not move.
  CategoryFilter(const CategoryFilter &) = delete;
  CategoryFilter &operator=(const CategoryFilter &) = delete;

  bool isEnabled(llvm::StringRef Category) const;

private:
  /// The spec with ',' for ';'; Globs refers into it.
  std::string GlobText;
  clang::tidy::GlobList Globs;
  std::vector<std::string> OptIn;
};

} // namespace coro_tidy

#endif // CORO_TIDY_UTILS_CATEGORYFILTER_H
