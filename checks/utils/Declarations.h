//===----------------------------------------------------------------------===//
// Looking up declarations by qualified name, and where they are declared.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_UTILS_DECLARATIONS_H
#define CORO_TIDY_UTILS_DECLARATIONS_H

#include "clang/AST/ASTContext.h"

namespace coro_tidy {

/// True if \p QualifiedName ("asio::steady_timer") names a declaration
/// visible in the translation unit.
bool isDeclared(clang::ASTContext &Context, llvm::StringRef QualifiedName);

/// True if \p D is declared inside namespace std (nested and inline
/// namespaces and classes included: std::__cxx11::basic_string::substr).
bool isInStandardLibrary(const clang::Decl &D);

} // namespace coro_tidy

#endif // CORO_TIDY_UTILS_DECLARATIONS_H
