//===----------------------------------------------------------------------===//

#include "catalog/EmbeddedCatalog.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"

namespace coro_tidy {
namespace {

struct EmbeddedFile {
  const char *Name;
  const char *Text;
};

constexpr EmbeddedFile EmbeddedFiles[] = {
#include "EmbeddedCatalog.inc"
};

} // namespace

std::optional<llvm::StringRef> embeddedCatalogFile(llvm::StringRef Path) {
  if (llvm::sys::path::parent_path(Path) != EmbeddedCatalogDir)
    return std::nullopt;
  llvm::StringRef Name = llvm::sys::path::filename(Path);
  for (const EmbeddedFile &File : EmbeddedFiles)
    if (Name == File.Name)
      return llvm::StringRef(File.Text);
  return std::nullopt;
}

} // namespace coro_tidy
