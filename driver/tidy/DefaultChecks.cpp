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

/// The value of option \p Name ("-name=v", "--name=v", "-name v"), if given.
std::optional<std::string> optionValue(llvm::ArrayRef<std::string> Args,
                                       llvm::StringRef Name) {
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    if (Arg == "--")
      break;
    if (!Arg.consume_front("-"))
      continue;
    Arg.consume_front("-");
    if (Arg == Name && I + 1 < Args.size())
      return Args[I + 1];
    if (Arg.consume_front(Name) && Arg.consume_front("="))
      return Arg.str();
  }
  return std::nullopt;
}

/// True if \p It is the value of the option before it ("-p build").
bool isOptionValue(llvm::ArrayRef<std::string> Args,
                   llvm::ArrayRef<std::string>::iterator It) {
  if (It == Args.begin())
    return false;
  llvm::StringRef Previous = *(It - 1);
  Previous = Previous.ltrim('-');
  return llvm::is_contained({"p", "config", "config-file", "checks",
                             "export-fixes", "load", "line-filter",
                             "header-filter", "vfsoverlay", "extra-arg",
                             "extra-arg-before", "store-check-profile"},
                            Previous);
}

/// True if \p Config is a configuration that sets Checks (or is broken, in
/// which case clang-tidy reports it and the choice is left to clang-tidy).
bool configSetsChecks(llvm::StringRef Config) {
  auto Parsed =
      clang::tidy::parseConfiguration(llvm::MemoryBufferRef(Config, "config"));
  return !Parsed || Parsed->Checks;
}

bool setsChecksOnCommandLine(llvm::ArrayRef<std::string> Args) {
  if (optionValue(Args, "checks"))
    return true;
  if (std::optional<std::string> Config = optionValue(Args, "config"))
    return configSetsChecks(*Config);
  if (std::optional<std::string> File = optionValue(Args, "config-file")) {
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

std::vector<std::string> withDefaultChecks(llvm::ArrayRef<std::string> Args) {
  std::vector<std::string> Result(Args.begin(), Args.end());
  if (setsChecksOnCommandLine(Args))
    return Result;
  // clang-tidy looks for configuration next to each source file, or in the
  // working directory when there is none (-list-checks, -dump-config).
  auto DoubleDash = llvm::find(Args, "--");
  std::vector<llvm::StringRef> Dirs;
  for (auto It = Args.begin(); It != DoubleDash; ++It)
    if (!llvm::StringRef(*It).starts_with("-") && !isOptionValue(Args, It))
      Dirs.push_back(llvm::sys::path::parent_path(*It));
  if (Dirs.empty())
    Dirs.emplace_back(".");
  for (llvm::StringRef Dir : Dirs)
    if (configAboveSetsChecks(Dir.empty() ? "." : Dir))
      return Result;
  Result.insert(Result.begin(), std::string("--checks=") + DefaultChecks);
  return Result;
}

} // namespace coro_tidy
