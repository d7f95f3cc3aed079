//===----------------------------------------------------------------------===//
// coro-tidy: clang-tidy with the coro-* checks built in.
//===----------------------------------------------------------------------===//

#include "DefaultChecks.h"
#include "SarifExport.h"
#include "clang-tidy/tool/ClangTidyMain.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

int main(int Argc, const char **Argv) {
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "coro-tidy version " CORO_TIDY_VERSION
          " (clang-tidy with coro-* checks, built with "
          "LLVM " CORO_TIDY_LLVM_VERSION ")\n";
  });
  std::vector<std::string> Args(Argv + 1, Argv + Argc);
  std::string FixesFile;
  bool FixesFileIsTemporary = false;
  const std::optional<std::string> SarifFile =
      coro_tidy::takeSarifOption(Args, FixesFile, FixesFileIsTemporary);
  const std::vector<std::string> Effective = coro_tidy::withDefaultChecks(Args);
  std::vector<const char *> NewArgv = {Argv[0]};
  for (const std::string &Arg : Effective)
    NewArgv.push_back(Arg.c_str());
  const int Status = clang::tidy::clangTidyMain(
      static_cast<int>(NewArgv.size()), NewArgv.data());
  if (!SarifFile)
    return Status;
  const bool Written = coro_tidy::writeSarif(FixesFile, *SarifFile);
  if (FixesFileIsTemporary && llvm::sys::fs::exists(FixesFile) &&
      llvm::sys::fs::remove(FixesFile))
    llvm::errs() << "coro-tidy: cannot remove '" << FixesFile << "'\n";
  return Written ? Status : 1;
}
