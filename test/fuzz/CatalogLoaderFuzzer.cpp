//===----------------------------------------------------------------------===//
// libFuzzer target for the catalog loader: YAML text in, either a catalog or
// errors with a file and a message out; never a crash, a hang or a leak.
// Every file the text includes reads the same text, so include handling is
// fuzzed too (cycles, nesting, many files).
//===----------------------------------------------------------------------===//

#include "catalog/CatalogLoader.h"
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  const std::string Text(reinterpret_cast<const char *>(Data), Size);
  coro_tidy::LoadedCatalog Catalog;
  coro_tidy::loadCatalog(
      "fuzz/catalog.yaml",
      [&](const std::string &) -> std::optional<std::string> { return Text; },
      Catalog);
  for (const coro_tidy::CatalogError &Error : Catalog.Errors)
    if (Error.File.empty() || Error.Message.empty())
      std::abort(); // an error a user could not place
  for (const coro_tidy::CatalogEntry *Entry : Catalog.Entries.all())
    if (Entry->Name.empty() || Entry->Category.empty())
      std::abort(); // an entry no call can match or no filter can select
  return 0;
}
