//===----------------------------------------------------------------------===//
// The names a check's options give that nothing knows, so that a typo warns
// instead of silently turning every category off or allowing nothing.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CATALOG_OPTIONNAMES_H
#define CORO_TIDY_CATALOG_OPTIONNAMES_H

#include "catalog/Catalog.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringSet.h"
#include <string>
#include <vector>

namespace coro_tidy {

/// Besides the catalog's entries, the functions annotated in the unit and
/// the categories they give are known; the check notes those it sees.
class OptionNames {
public:
  void noteFunction(llvm::StringRef QualifiedName, llvm::StringRef Category);
  void noteCategory(llvm::StringRef Category) { Categories.insert(Category); }
  void clear();

  /// The globs of a Categories spec ("*,-file-io"; ';' separates too),
  /// without their '-', that match no known category.
  std::vector<std::string>
  unmatchedCategoryGlobs(llvm::StringRef Spec,
                         const LoadedCatalog &Catalog) const;
  /// The names that are neither a catalog entry nor a noted function.
  std::vector<std::string> unknownFunctions(llvm::ArrayRef<std::string> Names,
                                            const LoadedCatalog &Catalog) const;
  /// Every known category, sorted and comma-separated, for a message.
  std::string knownCategories(const LoadedCatalog &Catalog) const;

private:
  llvm::StringSet<> allCategories(const LoadedCatalog &Catalog) const;

  llvm::StringSet<> Functions;
  llvm::StringSet<> Categories;
};

} // namespace coro_tidy

#endif // CORO_TIDY_CATALOG_OPTIONNAMES_H
