//===----------------------------------------------------------------------===//

#include "Baseline.h"
#include "utils/Paths.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <optional>
#include <tuple>

namespace coro_tidy {
namespace {

/// One warning or error as clang-tidy prints it, with its notes and
/// snippets.
struct Finding {
  std::string Block;
  std::string File;
  std::string Check;
  std::string Message;
  bool CompileError = false;
};

using Key = std::tuple<std::string, std::string, std::vector<std::string>>;

const llvm::Regex &headline() {
  static const llvm::Regex Headline(
      "^([^ ].*):[0-9]+:[0-9]+: (warning|error): (.*) \\[([^]]+)\\]$");
  return Headline;
}

/// clang-tidy's output as the text before the first finding and the
/// findings.
std::pair<std::string, std::vector<Finding>> split(llvm::StringRef Output) {
  std::string Before;
  std::vector<Finding> Found;
  while (!Output.empty()) {
    const size_t End = Output.find('\n');
    const llvm::StringRef WithEnd =
        Output.take_front(End == llvm::StringRef::npos ? End : End + 1);
    const llvm::StringRef Line = WithEnd.rtrim('\n');
    Output = Output.drop_front(WithEnd.size());
    llvm::SmallVector<llvm::StringRef, 5> Parts;
    if (headline().match(Line, &Parts)) {
      Finding F;
      F.File = Parts[1].str();
      F.Message = Parts[3].str();
      F.Check = Parts[4].split(',').first.str();
      F.CompileError = F.Check == "clang-diagnostic-error";
      F.Block = WithEnd.str();
      Found.push_back(std::move(F));
    } else if (Found.empty()) {
      Before += WithEnd;
    } else {
      Found.back().Block += WithEnd;
    }
  }
  return {Before, Found};
}

/// The quoted names before the message's reason: the API and the
/// coroutine ("call to 'f' blocks: ..." keeps 'f').
std::vector<std::string> subjectNames(llvm::StringRef Message) {
  llvm::StringRef Subject = Message.split(": ").first;
  std::vector<std::string> Names;
  while (true) {
    const size_t Open = Subject.find('\'');
    const size_t Close = Subject.find('\'', Open + 1);
    if (Open == llvm::StringRef::npos || Close == llvm::StringRef::npos)
      return Names;
    Names.push_back(Subject.slice(Open + 1, Close).str());
    Subject = Subject.drop_front(Close + 1);
  }
}

Key keyOf(const Finding &F, llvm::StringRef Root) {
  return {F.Check, relativePath(absolutePath(F.File), "", Root),
          subjectNames(F.Message)};
}

std::optional<std::map<Key, unsigned>> readBaseline(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return std::nullopt;
  llvm::Expected<llvm::json::Value> Parsed =
      llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return std::nullopt;
  }
  const llvm::json::Object *Root = Parsed->getAsObject();
  const llvm::json::Array *Entries =
      Root ? Root->getArray("findings") : nullptr;
  if (!Entries)
    return std::nullopt;
  std::map<Key, unsigned> Counts;
  for (const llvm::json::Value &Value : *Entries) {
    const llvm::json::Object *Entry = Value.getAsObject();
    if (!Entry)
      return std::nullopt;
    const llvm::json::Array *Names = Entry->getArray("names");
    std::optional<llvm::StringRef> Check = Entry->getString("check");
    std::optional<llvm::StringRef> File = Entry->getString("file");
    if (!Names || !Check || !File)
      return std::nullopt;
    std::vector<std::string> NameList;
    for (const llvm::json::Value &Name : *Names)
      NameList.push_back(Name.getAsString().value_or("").str());
    Counts[{Check->str(), File->str(), NameList}] +=
        Entry->getInteger("count").value_or(1);
  }
  return Counts;
}

/// The format run-coro-tidy writes: one entry per line, sorted.
bool writeBaseline(llvm::StringRef Path,
                   const std::map<Key, unsigned> &Counts) {
  std::error_code EC;
  llvm::raw_fd_ostream Out(Path, EC);
  if (EC)
    return false;
  Out << "{\"version\": 1, \"findings\": [\n";
  bool First = true;
  for (const auto &[Entry, Count] : Counts) {
    const auto &[Check, File, Names] = Entry;
    std::string NameList;
    llvm::raw_string_ostream List(NameList);
    for (const std::string &Name : Names)
      List << (&Name == &Names.front() ? "" : ", ") << llvm::json::Value(Name);
    Out << (First ? "" : ",\n") << "  {\"check\": " << llvm::json::Value(Check)
        << ", \"count\": " << Count << ", \"file\": " << llvm::json::Value(File)
        << ", \"names\": [" << List.str() << "]}";
    First = false;
  }
  Out << (Counts.empty() ? "]}\n" : "\n]}\n");
  return true;
}

/// The child's standard output, or none if it cannot be run.
std::optional<std::string> runCaptured(llvm::StringRef Tidy,
                                       const std::vector<std::string> &Args,
                                       int &Status) {
  llvm::SmallString<128> Output;
  if (llvm::sys::fs::createTemporaryFile("coro-tidy-output", "txt", Output))
    return std::nullopt;
  llvm::FileRemover Remove(Output);
  std::vector<llvm::StringRef> Argv = {Tidy};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  const std::optional<llvm::StringRef> Redirects[] = {
      std::nullopt, Output.str(), std::nullopt};
  std::string Error;
  Status = llvm::sys::ExecuteAndWait(Tidy, Argv, std::nullopt, Redirects, 0, 0,
                                     &Error);
  auto Buffer = llvm::MemoryBuffer::getFile(Output);
  if (Status < 0 || !Buffer) {
    llvm::errs() << "coro-tidy: cannot run " << Tidy << ": " << Error << "\n";
    return std::nullopt;
  }
  return (*Buffer)->getBuffer().str();
}

} // namespace

int runWithBaseline(llvm::StringRef Tidy, const std::vector<std::string> &Args,
                    const BaselineRequest &Request) {
  const std::string &Path =
      Request.WritePath.empty() ? Request.ReadPath : Request.WritePath;
  const std::string Root =
      llvm::sys::path::parent_path(absolutePath(Path)).str();
  std::optional<std::map<Key, unsigned>> Baseline;
  if (!Request.ReadPath.empty()) {
    Baseline = readBaseline(Request.ReadPath);
    if (!Baseline) {
      llvm::errs() << "coro-tidy: cannot read the baseline " << Request.ReadPath
                   << "\n";
      return 2;
    }
  }
  int Status = 0;
  std::optional<std::string> Output = runCaptured(Tidy, Args, Status);
  if (!Output)
    return 2;
  auto [Before, Found] = split(*Output);
  llvm::outs() << Before;
  bool Rejected = false;
  unsigned New = 0;
  std::map<Key, unsigned> Seen;
  for (const Finding &F : Found) {
    Rejected |= F.CompileError;
    const Key K = keyOf(F, Root);
    if (!F.CompileError)
      ++Seen[K];
    if (Baseline && !F.CompileError) {
      auto It = Baseline->find(K);
      if (It != Baseline->end() && It->second > 0) {
        --It->second;
        continue;
      }
      ++New;
    }
    llvm::outs() << F.Block;
  }
  llvm::outs().flush();
  if (!Request.WritePath.empty()) {
    if (!writeBaseline(Request.WritePath, Seen)) {
      llvm::errs() << "coro-tidy: cannot write the baseline "
                   << Request.WritePath << "\n";
      return 2;
    }
    llvm::errs() << "coro-tidy: wrote " << Seen.size()
                 << " baseline entries to " << Request.WritePath << "\n";
    return Rejected ? 1 : 0;
  }
  llvm::errs() << "coro-tidy: " << New << " findings new since the baseline "
               << Request.ReadPath << "\n";
  return New || Rejected || (Status != 0 && Found.empty()) ? 1 : 0;
}

} // namespace coro_tidy
