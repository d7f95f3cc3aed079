//===----------------------------------------------------------------------===//
// The default catalog, compiled in from catalog/*.yaml.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CATALOG_EMBEDDEDCATALOG_H
#define CORO_TIDY_CATALOG_EMBEDDEDCATALOG_H

#include "llvm/ADT/StringRef.h"
#include <optional>

namespace coro_tidy {

/// The directory name under which the compiled-in files are addressed.
inline constexpr llvm::StringLiteral EmbeddedCatalogDir = "<coro-tidy>";

/// "<coro-tidy>/default.yaml": the root of the default catalog.
inline constexpr llvm::StringLiteral DefaultCatalogPath =
    "<coro-tidy>/default.yaml";

/// The text of a compiled-in catalog file, addressed as "<coro-tidy>/NAME".
std::optional<llvm::StringRef> embeddedCatalogFile(llvm::StringRef Path);

} // namespace coro_tidy

#endif // CORO_TIDY_CATALOG_EMBEDDEDCATALOG_H
