//===----------------------------------------------------------------------===//
// Process-wide cache of parsed catalogs. clangd builds many ASTs at once, so
// the cache hands out immutable, shared catalogs under a mutex.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CATALOG_CATALOGCACHE_H
#define CORO_TIDY_CATALOG_CATALOGCACHE_H

#include "catalog/Catalog.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace coro_tidy {

/// Returns the catalog for this combination of files, parsing each
/// combination once per process, and again only when a file it read (an
/// included one too) changed its modification time or size, appeared or
/// vanished. \p Files are absolute paths.
std::shared_ptr<const LoadedCatalog>
getCatalog(bool UseDefault, const std::vector<std::string> &Files);

/// Reads a catalog file: a compiled-in one or one on disk.
std::optional<std::string> readCatalogFile(const std::string &Path);

} // namespace coro_tidy

#endif // CORO_TIDY_CATALOG_CATALOGCACHE_H
