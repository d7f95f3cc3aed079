//===----------------------------------------------------------------------===//

#include "catalog/Catalog.h"
#include "llvm/ADT/STLExtras.h"

namespace coro_tidy {

llvm::StringRef normalizeQualifiedName(llvm::StringRef Name) {
  Name = Name.trim();
  Name.consume_front("::");
  return Name;
}

void Catalog::add(CatalogEntry Entry) {
  for (const std::string &Method : Entry.ReadyAfter)
    ReadyAfter.insert(Method);
  ByName[Entry.Name].push_back(std::move(Entry));
  ++Size;
}

llvm::ArrayRef<CatalogEntry> Catalog::lookup(llvm::StringRef Name) const {
  auto It = ByName.find(Name);
  if (It == ByName.end())
    return {};
  return It->second;
}

std::vector<const CatalogEntry *> Catalog::all() const {
  std::vector<const CatalogEntry *> Entries;
  for (const auto &Named : ByName)
    for (const CatalogEntry &Entry : Named.second)
      Entries.push_back(&Entry);
  llvm::sort(Entries, [](const CatalogEntry *A, const CatalogEntry *B) {
    return A->Name < B->Name;
  });
  return Entries;
}

} // namespace coro_tidy
