//===----------------------------------------------------------------------===//

#include "analysis/summaries/SummaryMerge.h"
#include "analysis/summaries/BreadthFirst.h"
#include "utils/Paths.h"
#include "llvm/ADT/STLExtras.h"

namespace coro_tidy {

SummaryIndexBuilder::SummaryIndexBuilder(llvm::StringRef IndexDir)
    : IndexDir(IndexDir.str()), Index(std::make_unique<SummaryIndex>()) {}

IndexPlace SummaryIndexBuilder::place(const SourcePlace &Place,
                                      llvm::StringRef UnitRoot) {
  // Units share roots and files: each pair is rebased once.
  std::string Key = (UnitRoot + llvm::Twine('\0') + Place.File).str();
  auto [It, Inserted] = Rebased.try_emplace(Key);
  if (Inserted)
    It->second = Index->intern(relativePath(Place.File, UnitRoot, IndexDir));
  return {It->second, Place.Line, Place.Column};
}

void SummaryIndexBuilder::add(const TranslationUnitFacts &Unit,
                              llvm::StringRef UnitRoot) {
  PendingUnit Pending{place({Unit.MainFile, 1, 1}, UnitRoot).File, {}, {}};
  for (const std::string &Usr : Unit.OpenCalls)
    Pending.OpenCalls.push_back(Index->intern(Usr));
  for (const TranslationUnitFacts::Input &Input : Unit.Inputs)
    Pending.Inputs.push_back(
        {place({Input.File, 1, 1}, UnitRoot).File, Index->intern(Input.Hash)});
  const auto UnitNumber = static_cast<uint32_t>(Units.size());
  Units.push_back(std::move(Pending));
  for (const FunctionFacts &Facts : Unit.Functions) {
    const llvm::StringRef Usr = Index->intern(Facts.Usr);
    if (!FunctionOfUsr.try_emplace(Usr, Functions.size()).second)
      continue;
    PendingFunction F{Usr,
                      Index->intern(Facts.Name),
                      place(Facts.Where, UnitRoot),
                      {},
                      {},
                      UnitNumber};
    for (const FunctionFacts::Blocking &B : Facts.BlockingCalls)
      F.Blocking.push_back({Index->intern(B.Api), Index->intern(B.Category),
                            B.Construct, place(B.Where, UnitRoot)});
    for (const FunctionFacts::Call &C : Facts.Calls)
      F.Calls.push_back(
          {Index->intern(C.Usr), C.Construct, place(C.Where, UnitRoot)});
    Functions.push_back(std::move(F));
  }
}

std::vector<int32_t> SummaryIndexBuilder::computeSteps() const {
  std::vector<std::vector<std::pair<uint32_t, int32_t>>> Callers(
      Functions.size()); // callee -> (caller, position of the call)
  for (uint32_t F = 0; F < Functions.size(); ++F)
    for (size_t C = 0; C < Functions[F].Calls.size(); ++C) {
      auto It = FunctionOfUsr.find(Functions[F].Calls[C].Usr);
      if (It != FunctionOfUsr.end())
        Callers[It->second].emplace_back(F, static_cast<int32_t>(C));
    }
  // From the blocking functions back to their callers: each caller's step
  // is its call on a shortest path to a blocking call.
  std::vector<int32_t> Steps(Functions.size(), NoStep);
  BreadthFirst<uint32_t, int32_t> Search;
  for (uint32_t F = 0; F < Functions.size(); ++F)
    if (!Functions[F].Blocking.empty()) {
      Steps[F] = SummaryIndex::OwnCall;
      Search.start(F, F);
    }
  for (size_t Next = 0; Next < Search.size(); ++Next)
    for (auto [Caller, Call] : Callers[Search[Next].At])
      if (Search.reach(Next, Caller, Caller, Call))
        Steps[Caller] = Call;
  return Steps;
}

std::unique_ptr<SummaryIndex> SummaryIndexBuilder::finish() {
  const std::vector<int32_t> Steps = computeSteps();
  // Only functions that may block are kept, sorted by USR.
  std::vector<uint32_t> Kept;
  for (uint32_t F = 0; F < Functions.size(); ++F)
    if (Steps[F] != NoStep)
      Kept.push_back(F);
  llvm::sort(Kept, [&](uint32_t A, uint32_t B) {
    return Functions[A].Usr < Functions[B].Usr;
  });
  std::vector<int64_t> NewNumber(Functions.size(), -1);
  for (uint32_t I = 0; I < Kept.size(); ++I)
    NewNumber[Kept[I]] = I;
  for (uint32_t Old : Kept) {
    const PendingFunction &P = Functions[Old];
    SummaryIndex::Function F;
    F.Usr = P.Usr;
    F.Name = P.Name;
    F.Where = P.Where;
    F.Unit = P.Unit;
    F.FirstBlocking = Index->BlockingCalls.size();
    F.NumBlocking = P.Blocking.size();
    llvm::append_range(Index->BlockingCalls, P.Blocking);
    F.FirstCall = Index->Calls.size();
    F.Step = SummaryIndex::OwnCall;
    // Calls to functions that cannot block are dropped; the step's call is
    // renumbered among those kept.
    for (size_t C = 0; C < P.Calls.size(); ++C) {
      auto It = FunctionOfUsr.find(P.Calls[C].Usr);
      if (It == FunctionOfUsr.end() || NewNumber[It->second] < 0)
        continue;
      if (static_cast<int32_t>(C) == Steps[Old])
        F.Step = static_cast<int32_t>(F.NumCalls);
      Index->Calls.push_back({static_cast<uint32_t>(NewNumber[It->second]),
                              P.Calls[C].Construct, P.Calls[C].Where});
      ++F.NumCalls;
    }
    Index->Functions.push_back(F);
  }
  for (const PendingUnit &Unit : Units) {
    Index->Units.push_back({Unit.MainFile,
                            static_cast<uint32_t>(Index->Inputs.size()),
                            static_cast<uint32_t>(Unit.Inputs.size())});
    llvm::append_range(Index->Inputs, Unit.Inputs);
  }
  for (const PendingUnit &Unit : Units)
    if (llvm::any_of(Unit.OpenCalls, [&](llvm::StringRef Usr) {
          auto It = FunctionOfUsr.find(Usr);
          return It != FunctionOfUsr.end() && Steps[It->second] != NoStep;
        }))
      Index->Recheck.push_back(Unit.MainFile);
  llvm::sort(Index->Recheck);
  Index->Recheck.erase(llvm::unique(Index->Recheck), Index->Recheck.end());
  Index->index();
  return std::move(Index);
}

} // namespace coro_tidy
