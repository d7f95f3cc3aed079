//===----------------------------------------------------------------------===//

#include "catalog/Catalog.h"

namespace coro_tidy {

llvm::StringRef normalizeQualifiedName(llvm::StringRef Name) {
  Name = Name.trim();
  Name.consume_front("::");
  return Name;
}

void Catalog::add(CatalogEntry Entry) {
  ByName[Entry.Name].push_back(std::move(Entry));
  ++Size;
}

llvm::ArrayRef<CatalogEntry> Catalog::lookup(llvm::StringRef Name) const {
  auto It = ByName.find(Name);
  if (It == ByName.end())
    return {};
  return It->second;
}

} // namespace coro_tidy
