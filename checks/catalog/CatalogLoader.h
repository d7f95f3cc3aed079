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

namespace coro_tidy {

/// Returns the text of a catalog file, or nothing if it cannot be read.
using CatalogReader =
    std::function<std::optional<std::string>(const std::string &Path)>;

/// The only catalog format version this build understands.
constexpr int CatalogFormatVersion = 1;

/// Loads \p Path and, recursively, the files it includes (relative to the
/// including file) into \p Into. Errors carry the position of the offending
/// node; every path read (or tried) goes to Into.FilesRead.
void loadCatalog(const std::string &Path, const CatalogReader &Read,
                 LoadedCatalog &Into);

} // namespace coro_tidy

#endif // CORO_TIDY_CATALOG_CATALOGLOADER_H
