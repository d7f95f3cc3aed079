//===----------------------------------------------------------------------===//

#include "SarifExport.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <map>

namespace coro_tidy {
namespace {

using clang::tooling::Diagnostic;
using clang::tooling::DiagnosticMessage;

/// One-line help for the coro-* rules; other checks point to clang-tidy's
/// documentation.
const std::map<std::string, std::string> &ruleHelp() {
  static const std::map<std::string, std::string> Help = {
      {"coro-blocking-call",
       "A blocking call (sleep, lock, file, network, DNS, process, database "
       "or CPU-heavy work) inside a coroutine body stalls the thread that runs "
       "the coroutine and every coroutine sharing it. The message names the "
       "asynchronous alternative in the coroutine's framework."},
      {"coro-sync-wait",
       "A synchronous wait for asynchronous work (sync_wait, blockingWait, "
       "io_context::run, get() on the future of an async operation) inside a "
       "coroutine stalls the executor thread and deadlocks when the work needs "
       "that thread. co_await the awaitable instead."},
      {"coro-lock-across-suspend",
       "A lock held across co_await or co_yield blocks every other thread "
       "that wants it while the coroutine is suspended, and the coroutine may "
       "resume on another thread and unlock a mutex it does not own."},
  };
  return Help;
}

std::string fileUri(llvm::StringRef Path) {
  llvm::SmallString<256> Absolute(Path);
  if (llvm::sys::fs::make_absolute(Absolute))
    return Path.str(); // a relative reference is valid SARIF too
  return "file://" + std::string(Absolute);
}

/// Line and column (1-based) of byte offsets in source files, read once.
class LineTable {
public:
  std::optional<std::pair<unsigned, unsigned>> position(llvm::StringRef File,
                                                        unsigned Offset) {
    auto &Buffer = Buffers[File];
    if (!Buffer) {
      auto Read = llvm::MemoryBuffer::getFile(File);
      if (!Read)
        return std::nullopt;
      Buffer = std::move(*Read);
    }
    llvm::StringRef Text = Buffer->getBuffer();
    if (Offset > Text.size())
      return std::nullopt;
    llvm::StringRef Before = Text.take_front(Offset);
    const unsigned Line = Before.count('\n') + 1;
    const size_t LineStart = Before.rfind('\n');
    const unsigned Column =
        Offset - (LineStart == llvm::StringRef::npos ? 0 : LineStart + 1) + 1;
    return std::make_pair(Line, Column);
  }

private:
  llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> Buffers;
};

llvm::json::Object location(const DiagnosticMessage &Message,
                            LineTable &Lines) {
  llvm::json::Object Physical{
      {"artifactLocation",
       llvm::json::Object{{"uri", fileUri(Message.FilePath)}}}};
  if (auto Position = Lines.position(Message.FilePath, Message.FileOffset))
    Physical["region"] = llvm::json::Object{{"startLine", Position->first},
                                            {"startColumn", Position->second}};
  return llvm::json::Object{
      {"physicalLocation", std::move(Physical)},
      {"message", llvm::json::Object{{"text", Message.Message}}}};
}

/// The fixes of a message, as SARIF fix objects.
void addFixes(const DiagnosticMessage &Message, llvm::StringRef Description,
              llvm::json::Array &Fixes) {
  if (Message.Fix.empty())
    return;
  llvm::json::Array Changes;
  for (const auto &[File, Replacements] : Message.Fix) {
    llvm::json::Array Edits;
    for (const clang::tooling::Replacement &R : Replacements)
      Edits.push_back(llvm::json::Object{
          {"deletedRegion", llvm::json::Object{{"charOffset", R.getOffset()},
                                               {"charLength", R.getLength()}}},
          {"insertedContent",
           llvm::json::Object{{"text", R.getReplacementText().str()}}}});
    Changes.push_back(llvm::json::Object{
        {"artifactLocation", llvm::json::Object{{"uri", fileUri(File)}}},
        {"replacements", std::move(Edits)}});
  }
  Fixes.push_back(llvm::json::Object{
      {"description", llvm::json::Object{{"text", Description.str()}}},
      {"artifactChanges", std::move(Changes)}});
}

const char *level(const Diagnostic &D) {
  return D.DiagLevel == Diagnostic::Error ? "error" : "warning";
}

llvm::json::Object result(const Diagnostic &D, LineTable &Lines) {
  llvm::json::Array Related, Fixes;
  for (const DiagnosticMessage &Note : D.Notes) {
    Related.push_back(location(Note, Lines));
    addFixes(Note, Note.Message, Fixes);
  }
  addFixes(D.Message, D.Message.Message, Fixes);
  llvm::json::Object Result{
      {"ruleId", D.DiagnosticName},
      {"level", level(D)},
      {"message", llvm::json::Object{{"text", D.Message.Message}}},
      {"locations", llvm::json::Array{location(D.Message, Lines)}}};
  if (!Related.empty())
    Result["relatedLocations"] = std::move(Related);
  if (!Fixes.empty())
    Result["fixes"] = std::move(Fixes);
  return Result;
}

llvm::json::Object rule(llvm::StringRef Id) {
  auto Help = ruleHelp().find(Id.str());
  const std::string Text =
      Help != ruleHelp().end()
          ? Help->second
          : "See the clang-tidy documentation of " + Id.str() + ".";
  llvm::json::Object Rule{
      {"id", Id.str()},
      {"shortDescription", llvm::json::Object{{"text", Id.str()}}},
      {"fullDescription", llvm::json::Object{{"text", Text}}},
      {"help", llvm::json::Object{{"text", Text}}}};
  if (Id.starts_with("coro-"))
    Rule["helpUri"] = "https://coro-tidy.invalid/docs/checks/" + Id.str();
  return Rule;
}

} // namespace

std::optional<std::string> takeSarifOption(std::vector<std::string> &Args,
                                           std::string &FixesFile,
                                           bool &FixesFileIsTemporary) {
  std::optional<std::string> Sarif;
  for (auto It = Args.begin(); It != Args.end();) {
    llvm::StringRef Arg = *It;
    if (Arg == "--")
      break;
    if (Arg.consume_front("--export-sarif=") ||
        Arg.consume_front("-export-sarif=")) {
      Sarif = Arg.str();
      It = Args.erase(It);
      continue;
    }
    llvm::StringRef Fixes = *It;
    if (Fixes.consume_front("--export-fixes=") ||
        Fixes.consume_front("-export-fixes="))
      FixesFile = Fixes.str();
    ++It;
  }
  if (!Sarif || !FixesFile.empty())
    return Sarif;
  // A name only: clang-tidy writes the file when there are findings.
  llvm::SmallString<128> Temporary;
  if (llvm::sys::fs::getPotentiallyUniqueTempFileName("coro-tidy-fixes", "yaml",
                                                      Temporary))
    return Sarif;
  FixesFile = std::string(Temporary);
  FixesFileIsTemporary = true;
  Args.insert(Args.begin(), "--export-fixes=" + FixesFile);
  return Sarif;
}

bool writeSarif(llvm::StringRef FixesFile, llvm::StringRef SarifFile) {
  clang::tooling::TranslationUnitDiagnostics Exported;
  if (auto Buffer = llvm::MemoryBuffer::getFile(FixesFile)) {
    llvm::yaml::Input Input((*Buffer)->getBuffer());
    Input >> Exported;
    if (Input.error()) {
      llvm::errs() << "coro-tidy: cannot read '" << FixesFile
                   << "' to write SARIF\n";
      return false;
    }
  }
  LineTable Lines;
  llvm::json::Array Results, Rules;
  llvm::StringMap<bool> SeenRules;
  for (const Diagnostic &D : Exported.Diagnostics) {
    Results.push_back(result(D, Lines));
    if (SeenRules.insert({D.DiagnosticName, true}).second)
      Rules.push_back(rule(D.DiagnosticName));
  }
  llvm::json::Object Driver{{"name", "coro-tidy"},
                            {"version", CORO_TIDY_VERSION},
                            {"informationUri", "https://coro-tidy.invalid"},
                            {"rules", std::move(Rules)}};
  llvm::json::Value Log = llvm::json::Object{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", llvm::json::Array{llvm::json::Object{
                   {"tool", llvm::json::Object{{"driver", std::move(Driver)}}},
                   {"results", std::move(Results)}}}}};
  std::error_code EC;
  llvm::raw_fd_ostream Out(SarifFile, EC);
  if (EC) {
    llvm::errs() << "coro-tidy: cannot write '" << SarifFile
                 << "': " << EC.message() << "\n";
    return false;
  }
  Out << llvm::formatv("{0:2}", Log) << "\n";
  return true;
}

} // namespace coro_tidy
