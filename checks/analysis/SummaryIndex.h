//===----------------------------------------------------------------------===//
// The project's summary index: every translation unit's facts merged, with
// which functions may block and a shortest chain from each.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_SUMMARYINDEX_H
#define CORO_TIDY_ANALYSIS_SUMMARYINDEX_H

#include "analysis/SummaryFacts.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace coro_tidy {

/// One hop of a chain through the index: Function makes a call, at Where,
/// to Callee (another function, or the blocking API at the end).
struct IndexHop {
  std::string Function;
  std::string Callee;
  bool Construct = false;
  SourcePlace Where;
};
struct IndexChain {
  std::vector<IndexHop> Hops;
  std::string Api;
  std::string Category;
};

/// Admits a blocking API by name and category.
using ApiFilter =
    llvm::function_ref<bool(llvm::StringRef Api, llvm::StringRef Category)>;

class SummaryIndex {
public:
  /// Merges translation units' facts, read from the directories
  /// \p SummaryDirs (absolute, one per unit), into an index to be written in
  /// the directory \p IndexDir (absolute): places become relative to it. A
  /// function several units define (inline, or a template instantiation)
  /// is one.
  static SummaryIndex merge(std::vector<TranslationUnitFacts> Units,
                            llvm::ArrayRef<std::string> SummaryDirs,
                            llvm::StringRef IndexDir);

  llvm::json::Value toJson() const;
  static llvm::Expected<SummaryIndex> parse(llvm::StringRef Json);

  size_t size() const { return Functions.size(); }
  /// The main files (relative to the index's directory), sorted, whose
  /// coroutines call a function without a body there that may block: what
  /// a second pass with the index must check again.
  llvm::ArrayRef<std::string> recheck() const { return Recheck; }
  size_t mayBlockCount() const;
  const FunctionFacts *lookup(llvm::StringRef Usr) const;

  /// The shortest chain, of at most \p MaxDepth functions, from a call of
  /// \p Usr to a blocking API \p Accept admits.
  std::optional<IndexChain> shortestChain(llvm::StringRef Usr,
                                          unsigned MaxDepth,
                                          ApiFilter Accept) const;

  /// Where the places resolve: the index file's directory, absolute; set by
  /// the loader.
  std::string BaseDirectory;

private:
  /// Towards the API: the call a function makes (its index), OwnCall when
  /// it blocks itself, NoStep when it does not block.
  static constexpr int OwnCall = -1;
  static constexpr int NoStep = -2;

  void index();
  void computeSteps();
  std::optional<IndexChain> precomputedChain(size_t Start) const;
  std::optional<IndexChain> searchChain(size_t Start, unsigned MaxDepth,
                                        ApiFilter Accept) const;

  std::vector<FunctionFacts> Functions; // sorted by USR
  std::vector<int> Steps;
  llvm::StringMap<size_t> IndexOfUsr;
  std::vector<std::string> Recheck;
};

/// The index at \p Path, parsed once per process and again when the file
/// changes (coro-clangd picks up a rebuilt index without a restart). On
/// failure, null and \p Error says why.
std::shared_ptr<const SummaryIndex> getSummaryIndex(llvm::StringRef Path,
                                                    std::string &Error);

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_SUMMARYINDEX_H
