//===----------------------------------------------------------------------===//

#include "utils/Paths.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace coro_tidy {

namespace path = llvm::sys::path;

namespace {

/// The components of \p Path, without "." ones.
llvm::SmallVector<llvm::StringRef, 16> components(llvm::StringRef Path) {
  llvm::SmallVector<llvm::StringRef, 16> Parts;
  for (auto It = path::begin(Path); It != path::end(Path); ++It)
    if (*It != ".")
      Parts.push_back(*It);
  return Parts;
}

} // namespace

std::optional<std::string> configDirectoryOf(llvm::StringRef File) {
  llvm::SmallString<256> Dir(File);
  if (llvm::sys::fs::make_absolute(Dir))
    return std::nullopt;
  for (llvm::StringRef Cur = path::parent_path(Dir); !Cur.empty();
       Cur = path::parent_path(Cur)) {
    llvm::SmallString<256> Candidate(Cur);
    path::append(Candidate, ".clang-tidy");
    if (llvm::sys::fs::is_regular_file(Candidate))
      return Cur.str();
  }
  return std::nullopt;
}

std::string resolveConfiguredPath(llvm::StringRef Path,
                                  llvm::StringRef MainFile) {
  llvm::SmallString<256> Resolved(Path);
  if (!path::is_absolute(Resolved)) {
    if (std::optional<std::string> Dir = configDirectoryOf(MainFile)) {
      Resolved = *Dir;
      path::append(Resolved, Path);
    } else {
      // Without a working directory the path stays as written.
      (void)llvm::sys::fs::make_absolute(Resolved);
    }
  }
  path::remove_dots(Resolved, /*remove_dot_dot=*/true);
  return std::string(Resolved);
}

std::string relativePath(llvm::StringRef Path, llvm::StringRef From,
                         llvm::StringRef To) {
  llvm::SmallString<256> Joined;
  if (path::is_absolute(Path)) {
    Joined = Path;
  } else {
    Joined = From;
    path::append(Joined, Path);
  }
  path::remove_dots(Joined, /*remove_dot_dot=*/true);
  llvm::SmallString<256> Base(To);
  path::remove_dots(Base, /*remove_dot_dot=*/true);
  const auto PathParts = components(Joined);
  const auto BaseParts = components(Base);
  size_t Common = 0;
  while (Common < BaseParts.size() && Common < PathParts.size() &&
         BaseParts[Common] == PathParts[Common])
    ++Common;
  if (Common <= 1 && path::is_absolute(Joined))
    return std::string(Joined);
  llvm::SmallString<256> Result;
  for (size_t I = Common; I < BaseParts.size(); ++I)
    path::append(Result, "..");
  for (size_t I = Common; I < PathParts.size(); ++I)
    path::append(Result, PathParts[I]);
  return Result.empty() ? "." : std::string(Result);
}

std::string absolutePath(llvm::StringRef Path) {
  llvm::SmallString<256> Absolute(Path);
  (void)llvm::sys::fs::make_absolute(Absolute);
  path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return std::string(Absolute);
}

std::string compileDirectory(const clang::SourceManager &SM) {
  llvm::SmallString<256> Directory(".");
  SM.getFileManager().makeAbsolutePath(Directory);
  path::remove_dots(Directory, /*remove_dot_dot=*/true);
  return std::string(Directory);
}

std::string absoluteMainFile(const clang::SourceManager &SM) {
  clang::OptionalFileEntryRef Main =
      SM.getFileEntryRefForID(SM.getMainFileID());
  if (!Main)
    return "";
  llvm::SmallString<256> File(Main->getName());
  SM.getFileManager().makeAbsolutePath(File);
  path::remove_dots(File, /*remove_dot_dot=*/true);
  return std::string(File);
}

} // namespace coro_tidy
