//===----------------------------------------------------------------------===//
// Process-wide cache of parsed catalogs. clangd builds many ASTs at once, so
// the cache hands out immutable, shared catalogs under a mutex.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CATALOG_CATALOGCACHE_H
#define CORO_TIDY_CATALOG_CATALOGCACHE_H

#include "catalog/Catalog.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace coro_tidy {

/// A catalog built from the default and user files, with the problems found.
struct LoadedCatalog {
  Catalog Entries;
  /// Awaitables that move the coroutine onto a pool for blocking work.
  Catalog ExecutorSwitches;
  /// Calls that run the callables handed to them on another executor.
  Catalog OffloadApis;
  /// Functions that run their callable arguments inline.
  llvm::StringSet<> Synchronous;
  /// Task type name -> framework name.
  llvm::StringMap<std::string> FrameworkOfTaskType;
  /// Functions returning an asynchronous operation's future, and completion
  /// tokens that make any call return one.
  llvm::StringSet<> FutureSources;
  std::vector<std::string> FutureTokens;
  /// Framework name -> how to offload blocking work there.
  llvm::StringMap<std::string> OffloadOf;
  /// Framework name -> what to use instead of a lock held across co_await.
  llvm::StringMap<std::string> LockAlternativeOf;
  std::vector<CatalogError> Errors;
};

/// Returns the catalog for this combination of files, parsing each
/// combination once per process (again only when a file's modification time
/// or size changes). \p Files are absolute paths.
std::shared_ptr<const LoadedCatalog>
getCatalog(bool UseDefault, const std::vector<std::string> &Files);

/// Reads a catalog file: a compiled-in one or one on disk.
std::optional<std::string> readCatalogFile(const std::string &Path);

} // namespace coro_tidy

#endif // CORO_TIDY_CATALOG_CATALOGCACHE_H
