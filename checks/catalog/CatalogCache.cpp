//===----------------------------------------------------------------------===//

#include "catalog/CatalogCache.h"
#include "catalog/CatalogLoader.h"
#include "catalog/EmbeddedCatalog.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include <mutex>

namespace coro_tidy {
namespace {

/// A file's state as the cache compares it: modification time and size, or
/// "missing".
std::string fileStamp(const std::string &Path) {
  if (embeddedCatalogFile(Path))
    return "embedded";
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Path, Status) || !llvm::sys::fs::exists(Status))
    return "missing";
  return std::to_string(
             Status.getLastModificationTime().time_since_epoch().count()) +
         ':' + std::to_string(Status.getSize());
}

struct CacheSlot {
  std::shared_ptr<const LoadedCatalog> Catalog;
  /// fileStamp of each of Catalog->FilesRead when it was built.
  std::vector<std::string> Stamps;
};

bool isCurrent(const CacheSlot &Slot) {
  if (!Slot.Catalog)
    return false;
  for (size_t I = 0; I < Slot.Catalog->FilesRead.size(); ++I)
    if (fileStamp(Slot.Catalog->FilesRead[I]) != Slot.Stamps[I])
      return false;
  return true;
}

CacheSlot buildCatalog(bool UseDefault, const std::vector<std::string> &Files) {
  auto Result = std::make_shared<LoadedCatalog>();
  // Stamped before reading: a file edited meanwhile is read again next time.
  llvm::StringMap<std::string> StampOf;
  CatalogReader StampAndRead = [&](const std::string &Path) {
    StampOf[Path] = fileStamp(Path);
    return readCatalogFile(Path);
  };
  if (UseDefault)
    loadCatalog(DefaultCatalogPath.str(), StampAndRead, *Result);
  for (const std::string &File : Files)
    loadCatalog(File, StampAndRead, *Result);
  CacheSlot Slot;
  for (const std::string &Path : Result->FilesRead)
    Slot.Stamps.push_back(StampOf.lookup(Path));
  Slot.Catalog = std::move(Result);
  return Slot;
}

} // namespace

std::optional<std::string> readCatalogFile(const std::string &Path) {
  if (std::optional<llvm::StringRef> Embedded = embeddedCatalogFile(Path))
    return Embedded->str();
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return std::nullopt;
  return (*Buffer)->getBuffer().str();
}

std::shared_ptr<const LoadedCatalog>
getCatalog(bool UseDefault, const std::vector<std::string> &Files) {
  static std::mutex Mutex;
  static llvm::StringMap<CacheSlot> Cache;
  std::string Key = UseDefault ? "default" : "no-default";
  for (const std::string &File : Files)
    Key += '\n' + File;
  std::lock_guard<std::mutex> Lock(Mutex);
  CacheSlot &Slot = Cache[Key];
  if (!isCurrent(Slot))
    Slot = buildCatalog(UseDefault, Files);
  return Slot.Catalog;
}

} // namespace coro_tidy
