//===----------------------------------------------------------------------===//

#include "catalog/OptionNames.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>

namespace coro_tidy {

void OptionNames::noteFunction(llvm::StringRef QualifiedName,
                               llvm::StringRef Category) {
  Functions.insert(QualifiedName);
  if (!Category.empty())
    Categories.insert(Category);
}

void OptionNames::clear() {
  Functions.clear();
  Categories.clear();
}

llvm::StringSet<>
OptionNames::allCategories(const LoadedCatalog &Catalog) const {
  llvm::StringSet<> All = Categories;
  for (const CatalogEntry *Entry : Catalog.Entries.all())
    All.insert(Entry->Category);
  for (const std::string &Category : Catalog.OptInCategories)
    All.insert(Category);
  return All;
}

std::vector<std::string>
OptionNames::unmatchedCategoryGlobs(llvm::StringRef Spec,
                                    const LoadedCatalog &Catalog) const {
  const llvm::StringSet<> Known = allCategories(Catalog);
  std::string Globs = Spec.str();
  std::replace(Globs.begin(), Globs.end(), ';', ',');
  llvm::SmallVector<llvm::StringRef> Items;
  llvm::StringRef(Globs).split(Items, ',');
  std::vector<std::string> Unmatched;
  for (llvm::StringRef Item : Items) {
    llvm::StringRef Glob = Item.trim();
    Glob.consume_front("-");
    Glob = Glob.trim();
    if (Glob.empty())
      continue;
    const clang::tidy::GlobList Matcher(Glob);
    if (llvm::none_of(Known.keys(), [&](llvm::StringRef Category) {
          return Matcher.contains(Category);
        }))
      Unmatched.push_back(Glob.str());
  }
  return Unmatched;
}

std::vector<std::string>
OptionNames::unknownFunctions(llvm::ArrayRef<std::string> Names,
                              const LoadedCatalog &Catalog) const {
  std::vector<std::string> Unknown;
  for (const std::string &Name : Names)
    if (Catalog.Entries.lookup(Name).empty() && !Functions.contains(Name))
      Unknown.push_back(Name);
  return Unknown;
}

std::string OptionNames::knownCategories(const LoadedCatalog &Catalog) const {
  const llvm::StringSet<> All = allCategories(Catalog);
  std::vector<llvm::StringRef> Sorted;
  for (llvm::StringRef Category : All.keys())
    Sorted.push_back(Category);
  llvm::sort(Sorted);
  return llvm::join(Sorted, ", ");
}

} // namespace coro_tidy
