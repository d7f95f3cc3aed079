//===----------------------------------------------------------------------===//
// Awaitable twins of synchronous functions: advice, never evidence.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_ASYNCTWINS_H
#define CORO_TIDY_ANALYSIS_ASYNCTWINS_H

#include "catalog/Catalog.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

namespace coro_tidy {

/// The awaitable twin of \p Sync declared beside it: async_X (an asio style
/// template taking a completion token counts), X_async, XAsync or co_X
/// returning an awaitable. Null if there is none.
const clang::NamedDecl *findAsyncTwin(const clang::FunctionDecl &Sync,
                                      const LoadedCatalog &Catalog);

/// True if \p Call sits in one branch of an if or conditional whose other
/// branch awaits \p Twin: code that dispatches to the synchronous or the
/// awaitable form by a mode flag.
bool isBranchOfTwinDispatch(const clang::Expr &Call,
                            const clang::NamedDecl &Twin,
                            clang::ASTContext &Context);

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_ASYNCTWINS_H
