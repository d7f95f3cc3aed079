//===----------------------------------------------------------------------===//

#include "DefaultChecks.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace coro_tidy {
namespace {

bool isOption(llvm::StringRef Arg, llvm::StringRef Name) {
  Arg.consume_front("-");
  Arg.consume_front("-");
  return Arg == Name || Arg.starts_with((Name + "=").str());
}

bool setsChecksOnCommandLine(llvm::ArrayRef<std::string> Args) {
  return llvm::any_of(Args, [](llvm::StringRef Arg) {
    return isOption(Arg, "checks") || isOption(Arg, "config") ||
           isOption(Arg, "config-file");
  });
}

/// True if a .clang-tidy (or _clang-tidy) in \p Dir or above sets Checks.
bool configAboveSetsChecks(llvm::StringRef Dir) {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::fs::make_absolute(Path);
  for (llvm::StringRef Cur = Path; !Cur.empty();
       Cur = llvm::sys::path::parent_path(Cur)) {
    for (const char *Name : {".clang-tidy", "_clang-tidy"}) {
      llvm::SmallString<256> Config(Cur);
      llvm::sys::path::append(Config, Name);
      auto Text = llvm::MemoryBuffer::getFile(Config);
      if (!Text)
        continue;
      auto Parsed = clang::tidy::parseConfiguration(**Text);
      // A broken file is clang-tidy's to report: leave the choice to it.
      if (!Parsed || Parsed->Checks)
        return true;
      if (!Parsed->InheritParentConfig.value_or(false))
        return false;
    }
  }
  return false;
}

} // namespace

std::vector<std::string> withDefaultChecks(llvm::ArrayRef<std::string> Args) {
  std::vector<std::string> Result(Args.begin(), Args.end());
  if (setsChecksOnCommandLine(Args))
    return Result;
  auto DoubleDash = llvm::find(Args, "--");
  std::vector<llvm::StringRef> Dirs = {"."};
  for (auto It = Args.begin(); It != DoubleDash; ++It)
    if (!llvm::StringRef(*It).starts_with("-"))
      Dirs.push_back(llvm::sys::path::parent_path(*It));
  for (llvm::StringRef Dir : Dirs)
    if (configAboveSetsChecks(Dir.empty() ? "." : Dir))
      return Result;
  Result.insert(Result.begin(), std::string("--checks=") + DefaultChecks);
  return Result;
}

} // namespace coro_tidy
