//===----------------------------------------------------------------------===//
// The reduce step: translation units' facts merged into the summary index.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_SUMMARIES_SUMMARYMERGE_H
#define CORO_TIDY_ANALYSIS_SUMMARIES_SUMMARYMERGE_H

#include "analysis/summaries/SummaryFacts.h"
#include "analysis/summaries/SummaryIndex.h"
#include "llvm/ADT/StringMap.h"

namespace coro_tidy {

/// Takes translation units' facts one at a time (interning what it keeps,
/// so that memory grows with the project's functions, not its summaries'
/// text) and builds the index.
class SummaryIndexBuilder {
public:
  /// \p IndexDir: the directory the index is written to, absolute; places
  /// become relative to it.
  explicit SummaryIndexBuilder(llvm::StringRef IndexDir);

  /// Adds \p Unit, whose places are relative to \p UnitRoot (absolute). A
  /// function an earlier unit defined (inline, a template instantiation)
  /// is kept as first added.
  void add(const TranslationUnitFacts &Unit, llvm::StringRef UnitRoot);

  /// The functions added, before those that cannot block are dropped.
  size_t functionCount() const { return Functions.size(); }

  /// The index: which functions may block, a shortest chain's first step
  /// from each (one breadth-first search backwards from the functions that
  /// block themselves), and the units to check again.
  std::unique_ptr<SummaryIndex> finish();

private:
  struct PendingCall {
    llvm::StringRef Usr;
    bool Construct;
    IndexPlace Where;
  };
  struct PendingFunction {
    llvm::StringRef Usr;
    llvm::StringRef Name;
    IndexPlace Where;
    std::vector<SummaryIndex::Blocking> Blocking;
    std::vector<PendingCall> Calls;
    uint32_t Unit;
  };
  struct PendingUnit {
    llvm::StringRef MainFile;
    std::vector<llvm::StringRef> OpenCalls;
    std::vector<SummaryIndex::Input> Inputs;
  };

  IndexPlace place(const SourcePlace &Place, llvm::StringRef UnitRoot);
  /// For each function, the position in its calls of the first step
  /// towards a blocking API; OwnCall, or NoStep when it cannot block.
  std::vector<int32_t> computeSteps() const;

  static constexpr int32_t NoStep = -2;

  std::string IndexDir;
  std::unique_ptr<SummaryIndex> Index;
  std::vector<PendingFunction> Functions;
  llvm::DenseMap<llvm::StringRef, uint32_t> FunctionOfUsr;
  std::vector<PendingUnit> Units;
  /// Places' files made relative to the index, by unit root and file.
  llvm::StringMap<llvm::StringRef> Rebased;
};

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_SUMMARIES_SUMMARYMERGE_H
