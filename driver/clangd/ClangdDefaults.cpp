//===----------------------------------------------------------------------===//
// What coro-clangd changes in clangd's defaults, so the coro-* checks work
// with no configuration (a user who points the editor at coro-clangd and sees
// nothing concludes it is broken):
// - clangd 19 runs only the clang-tidy checks its timing table lists, unless
//   FastCheckFilter says otherwise. bench/ measures coro-* within clangd's
//   budget, so they are answered as fast.
// - With no config naming checks, clangd's default checks run; coro-* join
//   them. A config that names checks decides, as in clangd, and one log line
//   says so when it leaves coro-* out.
// clangd's headers are not installed and these two functions are its own, so
// the link wraps them (--wrap, see driver/CMakeLists.txt): clangd's callers
// reach the functions below, which call the originals.
//===----------------------------------------------------------------------===//

#include "clang-tidy/ClangTidyOptions.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <optional>

namespace clang::clangd {
// As clangd 19's TidyProvider.h declares it; provideDefaultChecks returns one
// to a function that lives as long as the process.
using TidyProviderRef =
    llvm::function_ref<void(tidy::ClangTidyOptions &, llvm::StringRef)>;
} // namespace clang::clangd

namespace coro_tidy {
using clang::clangd::TidyProviderRef;

// The originals, reached through the linker's __real_ names.
std::optional<bool> clangdIsFastTidyCheck(llvm::StringRef Check) __asm__(
    "__real__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");
TidyProviderRef clangdDefaultChecks() __asm__(
    "__real__ZN5clang6clangd20provideDefaultChecksEv");

namespace {

constexpr llvm::StringLiteral ModuleChecks = "coro-*";

bool enablesModuleChecks(llvm::StringRef Checks) {
  return clang::tidy::GlobList(Checks).contains("coro-blocking-call");
}

void sayModuleChecksAreOff(llvm::StringRef File) {
  static std::atomic<bool> Said{false};
  if (Said.exchange(true))
    return;
  llvm::errs() << "coro-clangd: the coro-* checks are off for " << File
               << ": its .clang-tidy 'Checks' or .clangd 'ClangTidy' config "
                  "names checks without them; add 'coro-*' there (or "
                  "'Diagnostics: {ClangTidy: {Add: [coro-*]}}' in .clangd)\n";
}

} // namespace

std::optional<bool> isFastTidyCheckWithModule(llvm::StringRef Check) __asm__(
    "__wrap__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");
TidyProviderRef defaultChecksWithModule() __asm__(
    "__wrap__ZN5clang6clangd20provideDefaultChecksEv");

std::optional<bool> isFastTidyCheckWithModule(llvm::StringRef Check) {
  if (Check.starts_with("coro-"))
    return true;
  return clangdIsFastTidyCheck(Check);
}

TidyProviderRef defaultChecksWithModule() {
  static constexpr auto WithModule = [](clang::tidy::ClangTidyOptions &Opts,
                                        llvm::StringRef File) {
    if (!Opts.Checks || Opts.Checks->empty()) {
      clangdDefaultChecks()(Opts, File);
      Opts.Checks =
          llvm::join_items(",", Opts.Checks.value_or(""), ModuleChecks);
      return;
    }
    if (!enablesModuleChecks(*Opts.Checks))
      sayModuleChecksAreOff(File);
  };
  return WithModule;
}

} // namespace coro_tidy
