//===----------------------------------------------------------------------===//
// Finds the catalog entry a call or construction invokes.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CATALOG_CALLMATCHER_H
#define CORO_TIDY_CATALOG_CALLMATCHER_H

#include "catalog/Catalog.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLExtras.h"
#include <optional>

namespace coro_tidy {

struct CatalogMatch {
  const CatalogEntry *Entry = nullptr;
  /// True for a constructor entry: the call constructs an object.
  bool IsConstruction = false;
};

/// The first entry of \p Entries that \p Call invokes and \p Accept admits.
/// A method entry may name the declaring class or the class of the object
/// it is called on (or a class in between): "std::basic_ifstream::read"
/// matches read() on an ifstream although basic_istream declares it.
std::optional<CatalogMatch>
matchCatalogEntry(const Catalog &Entries, const clang::Expr &Call,
                  llvm::function_ref<bool(const CatalogEntry &)> Accept);

} // namespace coro_tidy

#endif // CORO_TIDY_CATALOG_CALLMATCHER_H
