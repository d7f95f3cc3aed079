//===----------------------------------------------------------------------===//
// Which coroutine framework a coroutine belongs to, and what is awaitable.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_UTILS_FRAMEWORKS_H
#define CORO_TIDY_UTILS_FRAMEWORKS_H

#include "catalog/CatalogCache.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>

namespace coro_tidy {

/// The catalog name of the class (or class template) \p Type names, or "".
std::string typeName(clang::QualType Type);

/// The framework of \p Coroutine, from its return type and the catalog's
/// frameworks ("asio", "qcoro", ...), or "" for an unknown task type.
std::string frameworkOf(const clang::FunctionDecl &Coroutine,
                        const LoadedCatalog &Catalog);

/// True if a value of \p Type can be co_awaited: it has await_ready or an
/// operator co_await, or it is a framework's task type.
bool isAwaitableType(clang::QualType Type, const LoadedCatalog &Catalog);

/// True if \p Coroutine is a synchronous generator: its return type is one
/// of \p GeneratorTypes, or it yields values and never awaits.
bool isSynchronousGenerator(const clang::FunctionDecl &Coroutine,
                            llvm::ArrayRef<std::string> GeneratorTypes);

} // namespace coro_tidy

#endif // CORO_TIDY_UTILS_FRAMEWORKS_H
