//===----------------------------------------------------------------------===//
// Names as the catalog writes them: "std::basic_ifstream::read", without
// template arguments, inline namespaces ("std::__cxx11") or a leading "::".
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_UTILS_QUALIFIEDNAMES_H
#define CORO_TIDY_UTILS_QUALIFIEDNAMES_H

#include "clang/AST/Decl.h"
#include <string>

namespace coro_tidy {

/// The catalog spelling of \p D's fully qualified name.
std::string catalogName(const clang::NamedDecl &D);

/// The catalog name of the class (or class template) \p Type names, or "".
std::string typeName(clang::QualType Type);

} // namespace coro_tidy

#endif // CORO_TIDY_UTILS_QUALIFIEDNAMES_H
