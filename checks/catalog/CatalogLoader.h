//===----------------------------------------------------------------------===//
// Parses catalog YAML. The only code that touches yaml-cpp: no exception
// crosses this interface.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CATALOG_CATALOGLOADER_H
#define CORO_TIDY_CATALOG_CATALOGLOADER_H

#include "catalog/Catalog.h"
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace coro_tidy {

/// Returns the text of a catalog file, or nothing if it cannot be read.
using CatalogReader =
    std::function<std::optional<std::string>(const std::string &Path)>;

/// A coroutine framework, recognized by the coroutine's return type.
struct CatalogFramework {
  std::string Name;
  std::vector<std::string> TaskTypes;
  /// How to offload blocking work in this framework; replaces "${offload}"
  /// in alternatives.
  std::string Offload;
  /// What to use instead of a lock held across co_await.
  std::string LockAlternative;
};

struct CatalogLoadResult {
  std::vector<CatalogEntry> Entries;
  std::vector<CatalogFramework> Frameworks;
  /// Functions that run their callable arguments inline, on the caller's
  /// thread (std::invoke, the algorithms), fork-join ones included.
  std::vector<std::string> Synchronous;
  /// Awaitables that move the coroutine onto a pool meant for blocking work.
  std::vector<CatalogEntry> ExecutorSwitches;
  /// Calls that run the callables (coroutine lambdas included) handed to
  /// them on another executor.
  std::vector<CatalogEntry> OffloadApis;
  /// Functions returning the future of an asynchronous operation, and
  /// completion tokens that make any call do so.
  std::vector<std::string> FutureSources;
  std::vector<std::string> FutureTokens;
  std::vector<CatalogError> Errors;
};

/// The only catalog format version this build understands.
constexpr int CatalogFormatVersion = 1;

/// Loads \p Path and, recursively, the files it includes (relative to the
/// including file). Errors carry the position of the offending node.
CatalogLoadResult loadCatalog(const std::string &Path,
                              const CatalogReader &Read);

} // namespace coro_tidy

#endif // CORO_TIDY_CATALOG_CATALOGLOADER_H
