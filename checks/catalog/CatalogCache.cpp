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

/// Identifies a combination of files in the state they are in now.
std::string cacheKey(bool UseDefault, const std::vector<std::string> &Files) {
  std::string Key = UseDefault ? "default" : "no-default";
  for (const std::string &File : Files) {
    Key += '\n' + File;
    llvm::sys::fs::file_status Status;
    if (!llvm::sys::fs::status(File, Status))
      Key += '@' +
             std::to_string(
                 Status.getLastModificationTime().time_since_epoch().count()) +
             ':' + std::to_string(Status.getSize());
  }
  return Key;
}

std::shared_ptr<const LoadedCatalog>
buildCatalog(bool UseDefault, const std::vector<std::string> &Files) {
  auto Result = std::make_shared<LoadedCatalog>();
  std::vector<std::string> Roots;
  if (UseDefault)
    Roots.push_back(DefaultCatalogPath.str());
  Roots.insert(Roots.end(), Files.begin(), Files.end());
  for (const std::string &Root : Roots) {
    CatalogLoadResult Loaded = loadCatalog(Root, readCatalogFile);
    for (CatalogEntry &Entry : Loaded.Entries)
      Result->Entries.add(std::move(Entry));
    for (CatalogEntry &Switch : Loaded.ExecutorSwitches)
      Result->ExecutorSwitches.add(std::move(Switch));
    for (CatalogEntry &Offload : Loaded.OffloadApis)
      Result->OffloadApis.add(std::move(Offload));
    for (const std::string &Name : Loaded.Synchronous)
      Result->Synchronous.insert(Name);
    for (const std::string &Name : Loaded.FutureSources)
      Result->FutureSources.insert(Name);
    llvm::append_range(Result->FutureTokens, Loaded.FutureTokens);
    for (const CatalogFramework &Framework : Loaded.Frameworks) {
      for (const std::string &Type : Framework.TaskTypes)
        Result->FrameworkOfTaskType[Type] = Framework.Name;
      if (!Framework.Offload.empty())
        Result->OffloadOf[Framework.Name] = Framework.Offload;
      if (!Framework.LockAlternative.empty())
        Result->LockAlternativeOf[Framework.Name] = Framework.LockAlternative;
    }
    for (CatalogError &Error : Loaded.Errors)
      Result->Errors.push_back(std::move(Error));
  }
  return Result;
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
  static llvm::StringMap<std::shared_ptr<const LoadedCatalog>> Cache;
  const std::string Key = cacheKey(UseDefault, Files);
  std::lock_guard<std::mutex> Lock(Mutex);
  std::shared_ptr<const LoadedCatalog> &Slot = Cache[Key];
  if (!Slot)
    Slot = buildCatalog(UseDefault, Files);
  return Slot;
}

} // namespace coro_tidy
