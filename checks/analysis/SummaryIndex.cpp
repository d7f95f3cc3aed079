//===----------------------------------------------------------------------===//

#include "analysis/SummaryIndex.h"
#include "utils/Paths.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <deque>
#include <tuple>
#include <mutex>

namespace coro_tidy {

namespace json = llvm::json;

namespace {

/// Makes \p Place, relative to \p From, relative to \p To.
void rebase(SourcePlace &Place, llvm::StringRef From, llvm::StringRef To) {
  Place.File = relativePath(Place.File, From, To);
}

void rebase(FunctionFacts &Function, llvm::StringRef From,
            llvm::StringRef To) {
  rebase(Function.Where, From, To);
  for (FunctionFacts::Blocking &B : Function.BlockingCalls)
    rebase(B.Where, From, To);
  for (FunctionFacts::Call &C : Function.Calls)
    rebase(C.Where, From, To);
}

} // namespace

SummaryIndex SummaryIndex::merge(std::vector<TranslationUnitFacts> Units,
                                 llvm::ArrayRef<std::string> SummaryDirs,
                                 llvm::StringRef IndexDir) {
  SummaryIndex Index;
  std::vector<llvm::SmallString<256>> Roots;
  for (size_t U = 0; U < Units.size(); ++U) {
    Roots.emplace_back(SummaryDirs[U]);
    llvm::sys::path::append(Roots.back(), Units[U].Root);
    for (FunctionFacts &Function : Units[U].Functions) {
      rebase(Function, Roots.back(), IndexDir);
      Index.Functions.push_back(std::move(Function));
    }
  }
  // Same USR, same function: the first by place stands for all, whatever
  // order the units came in.
  llvm::sort(Index.Functions, [](const FunctionFacts &A, const FunctionFacts &B) {
    return std::tie(A.Usr, A.Where.File, A.Where.Line, A.Where.Column) <
           std::tie(B.Usr, B.Where.File, B.Where.Line, B.Where.Column);
  });
  Index.Functions.erase(
      std::unique(Index.Functions.begin(), Index.Functions.end(),
                  [](const FunctionFacts &A, const FunctionFacts &B) {
                    return A.Usr == B.Usr;
                  }),
      Index.Functions.end());
  Index.index();
  Index.computeSteps();
  for (size_t U = 0; U < Units.size(); ++U)
    if (llvm::any_of(Units[U].OpenCalls, [&](const std::string &Usr) {
          auto It = Index.IndexOfUsr.find(Usr);
          return It != Index.IndexOfUsr.end() &&
                 Index.Steps[It->second] != NoStep;
        }))
      Index.Recheck.push_back(
          relativePath(Units[U].MainFile, Roots[U], IndexDir));
  llvm::sort(Index.Recheck);
  return Index;
}

void SummaryIndex::index() {
  IndexOfUsr.clear();
  for (size_t I = 0; I < Functions.size(); ++I)
    IndexOfUsr[Functions[I].Usr] = I;
}

/// Breadth-first backwards from the functions that block themselves: each
/// function's step is its first call on a shortest way to a blocking API.
void SummaryIndex::computeSteps() {
  std::vector<std::vector<std::pair<size_t, int>>> Callers(Functions.size());
  for (size_t F = 0; F < Functions.size(); ++F)
    for (size_t C = 0; C < Functions[F].Calls.size(); ++C) {
      auto It = IndexOfUsr.find(Functions[F].Calls[C].Usr);
      if (It != IndexOfUsr.end())
        Callers[It->second].emplace_back(F, static_cast<int>(C));
    }
  Steps.assign(Functions.size(), NoStep);
  std::deque<size_t> Queue;
  for (size_t F = 0; F < Functions.size(); ++F)
    if (!Functions[F].BlockingCalls.empty()) {
      Steps[F] = OwnCall;
      Queue.push_back(F);
    }
  while (!Queue.empty()) {
    const size_t Callee = Queue.front();
    Queue.pop_front();
    for (auto [Caller, Call] : Callers[Callee])
      if (Steps[Caller] == NoStep) {
        Steps[Caller] = Call;
        Queue.push_back(Caller);
      }
  }
}

size_t SummaryIndex::mayBlockCount() const {
  return llvm::count_if(Steps, [](int Step) { return Step != NoStep; });
}

const FunctionFacts *SummaryIndex::lookup(llvm::StringRef Usr) const {
  auto It = IndexOfUsr.find(Usr);
  return It == IndexOfUsr.end() ? nullptr : &Functions[It->second];
}

std::optional<IndexChain> SummaryIndex::precomputedChain(size_t Start) const {
  IndexChain Chain;
  // Steps from a parsed file are checked as they are followed: a cycle or a
  // dangling call ends the chain with nothing.
  for (size_t At = Start, Hops = 0; Hops <= Functions.size(); ++Hops) {
    const FunctionFacts &Here = Functions[At];
    const int Step = Steps[At];
    if (Step == OwnCall && !Here.BlockingCalls.empty()) {
      const FunctionFacts::Blocking &B = Here.BlockingCalls.front();
      Chain.Hops.push_back({Here.Name, "'" + B.Api + "'", B.Construct,
                            B.Where});
      Chain.Api = B.Api;
      Chain.Category = B.Category;
      return Chain;
    }
    if (Step < 0 || static_cast<size_t>(Step) >= Here.Calls.size())
      return std::nullopt;
    const FunctionFacts::Call &C = Here.Calls[Step];
    auto Next = IndexOfUsr.find(C.Usr);
    if (Next == IndexOfUsr.end())
      return std::nullopt;
    Chain.Hops.push_back({Here.Name, C.Name, C.Construct, C.Where});
    At = Next->second;
  }
  return std::nullopt;
}

std::optional<IndexChain> SummaryIndex::searchChain(size_t Start,
                                                    unsigned MaxDepth,
                                                    ApiFilter Accept) const {
  struct Visit {
    size_t Function;
    unsigned Depth;
    int From;
    size_t CallInCaller;
  };
  std::vector<Visit> Visits{{Start, 1, -1, 0}};
  std::vector<bool> Seen(Functions.size());
  Seen[Start] = true;
  for (size_t Next = 0; Next < Visits.size(); ++Next) {
    const Visit Current = Visits[Next];
    const FunctionFacts &Here = Functions[Current.Function];
    for (const FunctionFacts::Blocking &B : Here.BlockingCalls) {
      if (!Accept(B.Api, B.Category))
        continue;
      IndexChain Chain{{}, B.Api, B.Category};
      Chain.Hops.push_back({Here.Name, "'" + B.Api + "'", B.Construct,
                            B.Where});
      for (int I = static_cast<int>(Next); Visits[I].From >= 0;
           I = Visits[I].From) {
        const FunctionFacts &Caller =
            Functions[Visits[Visits[I].From].Function];
        const FunctionFacts::Call &C = Caller.Calls[Visits[I].CallInCaller];
        Chain.Hops.insert(Chain.Hops.begin(),
                          {Caller.Name, C.Name, C.Construct, C.Where});
      }
      return Chain;
    }
    if (Current.Depth >= MaxDepth)
      continue;
    for (size_t C = 0; C < Here.Calls.size(); ++C) {
      auto It = IndexOfUsr.find(Here.Calls[C].Usr);
      if (It != IndexOfUsr.end() && !Seen[It->second]) {
        Seen[It->second] = true;
        Visits.push_back(
            {It->second, Current.Depth + 1, static_cast<int>(Next), C});
      }
    }
  }
  return std::nullopt;
}

std::optional<IndexChain> SummaryIndex::shortestChain(llvm::StringRef Usr,
                                                      unsigned MaxDepth,
                                                      ApiFilter Accept) const {
  auto Start = IndexOfUsr.find(Usr);
  if (Start == IndexOfUsr.end() || Steps[Start->second] == NoStep ||
      MaxDepth == 0)
    return std::nullopt;
  // The merged chain is a shortest one to any API; when its API is admitted
  // and it fits, it is the answer, else a search finds the admitted one.
  if (std::optional<IndexChain> Chain = precomputedChain(Start->second))
    if (Chain->Hops.size() <= MaxDepth && Accept(Chain->Api, Chain->Category))
      return Chain;
  return searchChain(Start->second, MaxDepth, Accept);
}

json::Value SummaryIndex::toJson() const {
  json::Array List;
  for (size_t F = 0; F < Functions.size(); ++F) {
    json::Value Value = coro_tidy::toJson(Functions[F]);
    if (Steps[F] != NoStep)
      Value.getAsObject()->try_emplace("step", Steps[F]);
    List.push_back(std::move(Value));
  }
  return json::Object{{"version", SummaryFormatVersion},
                      {"functions", std::move(List)},
                      {"recheck", json::Array(Recheck)}};
}

llvm::Expected<SummaryIndex> SummaryIndex::parse(llvm::StringRef Json) {
  llvm::Expected<json::Value> Value = json::parse(Json);
  if (!Value)
    return Value.takeError();
  const json::Object *Object = Value->getAsObject();
  const json::Array *Functions =
      Object ? Object->getArray("functions") : nullptr;
  if (!Functions || Object->getInteger("version") != SummaryFormatVersion)
    return malformedSummary("expected a version " +
                            std::to_string(SummaryFormatVersion) +
                            " index of functions");
  SummaryIndex Index;
  for (const json::Value &Function : *Functions) {
    llvm::Expected<FunctionFacts> Parsed = parseFunctionFacts(Function);
    if (!Parsed)
      return Parsed.takeError();
    Index.Functions.push_back(std::move(*Parsed));
    const std::optional<int64_t> Step =
        Function.getAsObject()->getInteger("step");
    Index.Steps.push_back(Step ? static_cast<int>(*Step) : NoStep);
  }
  if (const json::Array *Recheck = Object->getArray("recheck"))
    for (const json::Value &File : *Recheck)
      if (std::optional<llvm::StringRef> Name = File.getAsString())
        Index.Recheck.push_back(Name->str());
  Index.index();
  return Index;
}

std::shared_ptr<const SummaryIndex> getSummaryIndex(llvm::StringRef Path,
                                                    std::string &Error) {
  struct Slot {
    std::string Stamp;
    std::shared_ptr<const SummaryIndex> Index;
    std::string Error;
  };
  static std::mutex Mutex;
  static llvm::StringMap<Slot> Cache;
  llvm::SmallString<256> Absolute(Path);
  (void)llvm::sys::fs::make_absolute(Absolute);
  llvm::sys::fs::file_status Status;
  std::string Stamp = "missing";
  if (!llvm::sys::fs::status(Absolute, Status))
    Stamp = std::to_string(
                Status.getLastModificationTime().time_since_epoch().count()) +
            ":" + std::to_string(Status.getSize());
  std::lock_guard<std::mutex> Lock(Mutex);
  Slot &Entry = Cache[Absolute];
  if (Entry.Stamp != Stamp || (!Entry.Index && Entry.Error.empty())) {
    Entry = Slot{Stamp, nullptr, ""};
    auto Buffer = llvm::MemoryBuffer::getFile(Absolute);
    if (!Buffer) {
      Entry.Error = "cannot read summary index '" + Path.str() +
                    "': " + Buffer.getError().message();
    } else if (llvm::Expected<SummaryIndex> Parsed =
                   SummaryIndex::parse((*Buffer)->getBuffer())) {
      Parsed->BaseDirectory = llvm::sys::path::parent_path(Absolute).str();
      Entry.Index = std::make_shared<const SummaryIndex>(std::move(*Parsed));
    } else {
      Entry.Error = "cannot use summary index '" + Path.str() +
                    "': " + llvm::toString(Parsed.takeError());
    }
  }
  Error = Entry.Error;
  return Entry.Index;
}

} // namespace coro_tidy
