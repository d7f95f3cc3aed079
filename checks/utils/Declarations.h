//===----------------------------------------------------------------------===//
// Looking up declarations by qualified name.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_UTILS_DECLARATIONS_H
#define CORO_TIDY_UTILS_DECLARATIONS_H

#include "clang/AST/ASTContext.h"

namespace coro_tidy {

/// True if \p QualifiedName ("asio::steady_timer") names a declaration
/// visible in the translation unit.
bool isDeclared(clang::ASTContext &Context, llvm::StringRef QualifiedName);

} // namespace coro_tidy

#endif // CORO_TIDY_UTILS_DECLARATIONS_H
