//===----------------------------------------------------------------------===//

#include "analysis/summaries/ProjectIndex.h"
#include "analysis/summaries/SummaryFacts.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace coro_tidy {

namespace path = llvm::sys::path;

namespace {

/// The index of the compile database in \p Directory, if both are there.
std::optional<std::string> indexIn(llvm::StringRef Directory) {
  llvm::SmallString<256> Database(Directory), Index(Directory);
  path::append(Database, "compile_commands.json");
  path::append(Index, ProjectIndexDirectory, ProjectIndexFile);
  if (llvm::sys::fs::exists(Database) && llvm::sys::fs::exists(Index))
    return std::string(Index);
  return std::nullopt;
}

std::optional<std::string> searchUpwards(llvm::StringRef Start) {
  for (llvm::StringRef Directory = Start; !Directory.empty();
       Directory = path::parent_path(Directory)) {
    if (std::optional<std::string> Found = indexIn(Directory))
      return Found;
    llvm::SmallString<256> Build(Directory);
    path::append(Build, "build");
    if (std::optional<std::string> Found = indexIn(Build))
      return Found;
  }
  return std::nullopt;
}

} // namespace

std::optional<std::string> findProjectIndex(llvm::StringRef CompileDirectory,
                                            llvm::StringRef MainFile) {
  if (std::optional<std::string> Found = searchUpwards(CompileDirectory))
    return Found;
  llvm::SmallString<256> FileDirectory(MainFile);
  (void)llvm::sys::fs::make_absolute(FileDirectory);
  path::remove_filename(FileDirectory);
  return searchUpwards(FileDirectory);
}

llvm::StringRef IndexFreshness::hashOf(llvm::StringRef File) {
  auto [It, Inserted] = Hashes.try_emplace(File);
  if (Inserted)
    if (auto Buffer = llvm::MemoryBuffer::getFile(Index.pathOf(File)))
      It->second = contentHash((*Buffer)->getBuffer());
  return It->second;
}

std::optional<std::string>
IndexFreshness::changedInput(const SummaryIndex::Unit &U) {
  for (const SummaryIndex::Input &Input : Index.inputsOf(U))
    if (hashOf(Input.File) != Input.Hash)
      return Index.pathOf(Input.File);
  return std::nullopt;
}

} // namespace coro_tidy
