//===----------------------------------------------------------------------===//
// Looking up declarations by qualified name and by sibling name.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_UTILS_DECLARATIONS_H
#define CORO_TIDY_UTILS_DECLARATIONS_H

#include "catalog/CatalogCache.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include <string>

namespace coro_tidy {

/// True if \p QualifiedName ("asio::steady_timer") names a declaration
/// visible in the translation unit.
bool isDeclared(clang::ASTContext &Context, llvm::StringRef QualifiedName);

/// The awaitable twin of \p Blocking declared beside it: async_X (an asio
/// style template taking a completion token counts), X_async, XAsync or
/// co_X returning an awaitable. Null if there is none.
const clang::NamedDecl *findAsyncTwin(const clang::FunctionDecl &Blocking,
                                      const LoadedCatalog &Catalog);

} // namespace coro_tidy

#endif // CORO_TIDY_UTILS_DECLARATIONS_H
