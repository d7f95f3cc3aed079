//===----------------------------------------------------------------------===//
// coro-tidy: clang-tidy with the coro-* checks built in.
//===----------------------------------------------------------------------===//

#include "Baseline.h"
#include "DefaultChecks.h"
#include "DriverArguments.h"
#include "MergeFixes.h"
#include "MergeSummaries.h"
#include "SarifExport.h"
#include "clang-tidy/tool/ClangTidyMain.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>

namespace {

// Registered with clang-tidy's own options, so that clang-tidy's parser
// accepts them and DriverArguments knows which take a value.
llvm::cl::OptionCategory CoroTidyCategory("coro-tidy options");
llvm::cl::opt<std::string> ExportSarif(
    "export-sarif",
    llvm::cl::desc("Write the findings as a SARIF 2.1.0 log to <file>."),
    llvm::cl::value_desc("file"), llvm::cl::cat(CoroTidyCategory));
llvm::cl::opt<std::string> SarifDocsUrl(
    "sarif-docs-url",
    llvm::cl::desc("Link each coro-* rule of the SARIF log to its page: "
                   "<url> with {check} replaced by the check's name."),
    llvm::cl::value_desc("url"), llvm::cl::cat(CoroTidyCategory));
llvm::cl::opt<std::string> SarifRoot(
    "sarif-root",
    llvm::cl::desc("Write SARIF locations under <dir> relative to %SRCROOT% "
                   "(default: the top of the git work tree holding the "
                   "current directory, else the current directory)."),
    llvm::cl::value_desc("dir"), llvm::cl::cat(CoroTidyCategory));
llvm::cl::opt<std::string> WriteBaseline(
    "write-baseline",
    llvm::cl::desc("Record the findings in <file>, to adopt coro-tidy on "
                   "code that has them (run-coro-tidy's format)."),
    llvm::cl::value_desc("file"), llvm::cl::cat(CoroTidyCategory));
llvm::cl::opt<std::string> Baseline(
    "baseline",
    llvm::cl::desc("Report only the findings <file> does not record; fail "
                   "only on those."),
    llvm::cl::value_desc("file"), llvm::cl::cat(CoroTidyCategory));
llvm::cl::opt<std::string> ExportSummaries(
    "export-summaries",
    llvm::cl::desc("Write each translation unit's helper-function facts to "
                   "<dir>, for --merge-summaries."),
    llvm::cl::value_desc("dir"), llvm::cl::cat(CoroTidyCategory));
llvm::cl::opt<std::string> MergeSummaries(
    "merge-summaries",
    llvm::cl::desc("Merge the facts in <dir> into the index named by "
                   "--summary-index, and exit."),
    llvm::cl::value_desc("dir"), llvm::cl::cat(CoroTidyCategory));
llvm::cl::opt<std::string> MergeFixesDir(
    "merge-fixes",
    llvm::cl::desc("Merge the fixes files (*.yaml) in <dir> into the file "
                   "named by --export-fixes, each finding once, and exit."),
    llvm::cl::value_desc("dir"), llvm::cl::cat(CoroTidyCategory));
llvm::cl::opt<std::string> SummaryIndex(
    "summary-index",
    llvm::cl::desc("The project's summary index: follow helpers defined in "
                   "other files through it (written by --merge-summaries)."),
    llvm::cl::value_desc("file"), llvm::cl::cat(CoroTidyCategory));
llvm::cl::extrahelp CoroTidyHelp(R"(
coro-tidy options:
  --export-sarif=<file>      Write the findings as a SARIF 2.1.0 log.
  --sarif-docs-url=<url>     Its rules link <url>, {check} replaced by each.
  --sarif-root=<dir>         Its locations are relative to <dir> (%SRCROOT%).
  --export-summaries=<dir>   Write each translation unit's helper facts.
  --merge-summaries=<dir>    Merge them into --summary-index=<file>, and exit.
  --summary-index=<file>     Follow helpers defined in other files.
  --write-baseline=<file>    Record the findings, to adopt coro-tidy.
  --baseline=<file>          Report only findings <file> does not record.
  --merge-fixes=<dir>        Merge fixes files into --export-fixes=<file>.
  run-coro-tidy -p <build> runs all three steps over a compile database.
)");

/// Hands a path option to the checks, which read it from the environment,
/// absolute: clang-tidy runs each file in its compile directory.
void passToChecks(const char *Variable, const std::string &Path) {
  llvm::SmallString<256> Absolute(Path);
  (void)llvm::sys::fs::make_absolute(Absolute);
  setenv(Variable, Absolute.c_str(), /*overwrite=*/1);
}

/// A SARIF log to write, from clang-tidy's exported fixes: the user's file,
/// or a temporary one.
struct SarifExport {
  std::string Log;
  coro_tidy::SarifOptions Options;
  std::string FixesFile;
  bool FixesFileIsTemporary = false;
};

/// True, with \p Export, unless the fixes file cannot be named.
bool prepareSarifExport(coro_tidy::DriverArguments &Args, std::string Log,
                        std::optional<SarifExport> &Export) {
  coro_tidy::SarifOptions Options{Args.value("sarif-docs-url").value_or(""),
                                  Args.value("sarif-root").value_or("")};
  Args.remove("sarif-docs-url");
  Args.remove("sarif-root");
  if (std::optional<std::string> Fixes = Args.value("export-fixes")) {
    Export = SarifExport{std::move(Log), std::move(Options), *Fixes, false};
    return true;
  }
  // A name only: clang-tidy writes the file when there are findings.
  llvm::SmallString<128> Temporary;
  if (llvm::sys::fs::getPotentiallyUniqueTempFileName("coro-tidy-fixes", "yaml",
                                                      Temporary)) {
    llvm::errs() << "coro-tidy: cannot name a temporary file for SARIF\n";
    return false;
  }
  Args.set("export-fixes", Temporary);
  Export = SarifExport{std::move(Log), std::move(Options),
                       std::string(Temporary), true};
  return true;
}

/// Writes the SARIF log once clang-tidy has run; the exit status.
int finishSarifExport(const SarifExport &Export, int Status) {
  const bool Written =
      coro_tidy::writeSarif(Export.FixesFile, Export.Log, Export.Options);
  if (Export.FixesFileIsTemporary && llvm::sys::fs::exists(Export.FixesFile) &&
      llvm::sys::fs::remove(Export.FixesFile))
    llvm::errs() << "coro-tidy: cannot remove '" << Export.FixesFile << "'\n";
  return Written ? Status : 1;
}

/// Runs this executable again without the baseline options, its output
/// captured and filtered by the baseline.
int runWithBaseline(const char *Argv0, coro_tidy::DriverArguments Args) {
  const coro_tidy::BaselineRequest Request{
      Args.value("write-baseline").value_or(""),
      Args.value("baseline").value_or("")};
  if (!Request.WritePath.empty() && !Request.ReadPath.empty()) {
    llvm::errs() << "coro-tidy: --baseline and --write-baseline do not "
                    "combine\n";
    return 1;
  }
  Args.remove("write-baseline");
  Args.remove("baseline");
  const std::string Self = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&runWithBaseline));
  return coro_tidy::runWithBaseline(Self, Args.args(), Request);
}

int runClangTidy(const char *Argv0, const coro_tidy::DriverArguments &Args) {
  std::vector<const char *> Argv = {Argv0};
  for (const std::string &Arg : Args.args())
    Argv.push_back(Arg.c_str());
  return clang::tidy::clangTidyMain(static_cast<int>(Argv.size()), Argv.data());
}

} // namespace

int main(int Argc, const char **Argv) {
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "coro-tidy version " CORO_TIDY_VERSION
          " (clang-tidy with coro-* checks, built with "
          "LLVM " CORO_TIDY_LLVM_VERSION ")\n";
  });
  llvm::Expected<coro_tidy::DriverArguments> Parsed =
      coro_tidy::DriverArguments::parse(Argc, Argv);
  if (!Parsed) {
    llvm::errs() << "coro-tidy: " << llvm::toString(Parsed.takeError()) << "\n";
    return 1;
  }
  coro_tidy::DriverArguments &Args = *Parsed;
  for (const char *Option : {"export-sarif", "export-summaries",
                             "merge-summaries", "summary-index", "merge-fixes"})
    if (Args.value(Option).value_or("-").empty()) {
      llvm::errs() << "coro-tidy: --" << Option << " needs a value\n";
      return 1;
    }
  if (Args.has("baseline") || Args.has("write-baseline"))
    return runWithBaseline(Argv[0], Args);
  if (std::optional<std::string> Dir = Args.value("merge-summaries"))
    return coro_tidy::mergeSummaries(*Dir,
                                     Args.value("summary-index").value_or(""));
  if (std::optional<std::string> Dir = Args.value("merge-fixes")) {
    std::optional<std::string> Out = Args.value("export-fixes");
    if (!Out || Out->empty()) {
      llvm::errs() << "coro-tidy: --merge-fixes needs --export-fixes=<file>\n";
      return 1;
    }
    return coro_tidy::mergeFixes(*Dir, *Out, Args.has("fix-notes"));
  }
  if (std::optional<std::string> Dir = Args.value("export-summaries"))
    passToChecks("CORO_TIDY_EXPORT_SUMMARIES", *Dir);
  if (std::optional<std::string> Index = Args.value("summary-index"))
    passToChecks("CORO_TIDY_SUMMARY_INDEX", *Index);
  std::optional<SarifExport> Sarif;
  if (std::optional<std::string> Log = Args.value("export-sarif"))
    if (!prepareSarifExport(Args, *Log, Sarif))
      return 1;
  coro_tidy::addDefaultChecks(Args);
  const int Status = runClangTidy(Argv[0], Args);
  return Sarif ? finishSarifExport(*Sarif, Status) : Status;
}
