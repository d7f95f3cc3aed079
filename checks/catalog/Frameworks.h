//===----------------------------------------------------------------------===//
// Which coroutine framework a coroutine belongs to, and what is awaitable.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CATALOG_FRAMEWORKS_H
#define CORO_TIDY_CATALOG_FRAMEWORKS_H

#include "catalog/Catalog.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>

namespace coro_tidy {

/// The framework of \p Coroutine, from its return type and the catalog's
/// frameworks ("asio", "qcoro", ...), or "" for an unknown task type.
std::string frameworkOf(const clang::FunctionDecl &Coroutine,
                        const LoadedCatalog &Catalog);

/// What \p Entry advises in \p Framework: its alternative for that
/// framework, or its general one, with "${offload}" replaced by how the
/// framework offloads blocking work.
std::string adviceFor(const CatalogEntry &Entry, llvm::StringRef Framework,
                      const LoadedCatalog &Catalog);

/// True if a value of \p Type can be co_awaited: it is a framework's task
/// type, or it (or a base class) has await_ready or an operator co_await.
bool isAwaitableType(clang::QualType Type, const LoadedCatalog &Catalog);

/// True if \p Coroutine is a synchronous generator: its return type is one
/// of \p GeneratorTypes, or it yields values and never awaits.
bool isSynchronousGenerator(const clang::FunctionDecl &Coroutine,
                            llvm::ArrayRef<std::string> GeneratorTypes);

} // namespace coro_tidy

#endif // CORO_TIDY_CATALOG_FRAMEWORKS_H
