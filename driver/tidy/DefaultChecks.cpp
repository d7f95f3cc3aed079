//===----------------------------------------------------------------------===//

#include "DefaultChecks.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <optional>

namespace coro_tidy {
namespace {

/// True if \p Config is a configuration that sets Checks (or is broken, in
/// which case clang-tidy reports it and the choice is left to clang-tidy).
bool configSetsChecks(llvm::StringRef Config) {
  auto Parsed =
      clang::tidy::parseConfiguration(llvm::MemoryBufferRef(Config, "config"));
  return !Parsed || Parsed->Checks;
}

bool setsChecksOnCommandLine(const DriverArguments &Args) {
  if (Args.has("checks"))
    return true;
  if (std::optional<std::string> Config = Args.value("config"))
    return configSetsChecks(*Config);
  if (std::optional<std::string> File = Args.value("config-file")) {
    auto Text = llvm::MemoryBuffer::getFile(*File);
    return !Text || configSetsChecks((*Text)->getBuffer());
  }
  return false;
}

/// True if a .clang-tidy (or _clang-tidy) in \p Dir or above sets Checks.
bool configAboveSetsChecks(llvm::StringRef Dir) {
  llvm::SmallString<256> Path(Dir);
  if (llvm::sys::fs::make_absolute(Path))
    return false;
  for (llvm::StringRef Cur = Path; !Cur.empty();
       Cur = llvm::sys::path::parent_path(Cur)) {
    for (const char *Name : {".clang-tidy", "_clang-tidy"}) {
      llvm::SmallString<256> Config(Cur);
      llvm::sys::path::append(Config, Name);
      auto Text = llvm::MemoryBuffer::getFile(Config);
      if (!Text)
        continue;
      if (configSetsChecks((*Text)->getBuffer()))
        return true;
      auto Parsed = clang::tidy::parseConfiguration(**Text);
      if (!Parsed->InheritParentConfig.value_or(false))
        return false;
    }
  }
  return false;
}

} // namespace

void addDefaultChecks(DriverArguments &Args) {
  if (setsChecksOnCommandLine(Args))
    return;
  // clang-tidy looks for configuration next to each source file, or in the
  // working directory when there is none (-list-checks, -dump-config).
  std::vector<std::string> Dirs;
  for (const std::string &File : Args.sourceFiles())
    Dirs.push_back(llvm::sys::path::parent_path(File).str());
  if (Dirs.empty())
    Dirs.emplace_back(".");
  for (llvm::StringRef Dir : Dirs)
    if (configAboveSetsChecks(Dir.empty() ? "." : Dir))
      return;
  Args.set("checks", DefaultChecks);
}

} // namespace coro_tidy
