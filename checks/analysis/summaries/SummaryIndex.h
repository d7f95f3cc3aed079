//===----------------------------------------------------------------------===//
// The project's summary index: the functions that may block, merged from
// every translation unit's facts, with a shortest chain from each.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_SUMMARIES_SUMMARYINDEX_H
#define CORO_TIDY_ANALYSIS_SUMMARIES_SUMMARYINDEX_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/StringSaver.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace coro_tidy {

/// A place in a source file, relative to the index file's directory unless
/// it shares nothing with it but "/".
struct IndexPlace {
  llvm::StringRef File;
  unsigned Line = 0;
  unsigned Column = 0;
};

/// One hop of a chain through the index: Function makes a call, at Where,
/// to Callee (another function, or the blocking API at the end).
struct IndexHop {
  std::string Function;
  std::string Callee;
  bool Construct = false;
  IndexPlace Where;
  /// The translation unit Function's facts came from.
  uint32_t Unit = 0;
};
struct IndexChain {
  std::vector<IndexHop> Hops;
  std::string Api;
  std::string Category;
};

/// Admits a blocking API by name and category.
using ApiFilter =
    llvm::function_ref<bool(llvm::StringRef Api, llvm::StringRef Category)>;

/// Only the functions that may block are kept, each with its blocking calls,
/// its calls to other such functions and the first step of a shortest chain:
/// a function absent from the index does not block. Strings are interned
/// once; the rest is flat arrays, so that the index of a project of 10,000
/// translation units fits in tens of megabytes.
class SummaryIndex {
public:
  struct Blocking {
    llvm::StringRef Api;
    llvm::StringRef Category;
    bool Construct = false;
    IndexPlace Where;
  };
  struct Call {
    uint32_t Callee = 0;
    bool Construct = false;
    IndexPlace Where;
  };
  /// Towards the API: the position of the call a function makes, or OwnCall
  /// when its first blocking call is the API.
  static constexpr int32_t OwnCall = -1;
  struct Function {
    llvm::StringRef Usr;
    llvm::StringRef Name;
    IndexPlace Where;
    uint32_t FirstBlocking = 0, NumBlocking = 0;
    uint32_t FirstCall = 0, NumCalls = 0;
    int32_t Step = OwnCall;
    /// The translation unit its facts came from.
    uint32_t Unit = 0;
  };
  /// A translation unit merged into the index, and the files it read.
  struct Unit {
    llvm::StringRef MainFile;
    uint32_t FirstInput = 0, NumInputs = 0;
  };
  struct Input {
    llvm::StringRef File;
    llvm::StringRef Hash;
  };

  SummaryIndex() : Strings(Allocator) {}
  SummaryIndex(const SummaryIndex &) = delete;
  SummaryIndex &operator=(const SummaryIndex &) = delete;

  /// The index file: a header line, then one JSON object per function.
  void write(llvm::raw_ostream &OS) const;
  static llvm::Expected<std::unique_ptr<SummaryIndex>>
  read(llvm::StringRef Text);

  size_t size() const { return Functions.size(); }
  /// The main files (relative to the index's directory), sorted, whose
  /// coroutines call a function without a body there that may block: what
  /// a second pass with the index checks again.
  llvm::ArrayRef<llvm::StringRef> recheck() const { return Recheck; }

  /// Every translation unit merged, in the order of the summaries' names.
  llvm::ArrayRef<Unit> units() const { return Units; }
  /// What \p U read when it was indexed: its files (relative to the index's
  /// directory) and their hashes.
  llvm::ArrayRef<Input> inputsOf(const Unit &U) const {
    return llvm::ArrayRef(Inputs).slice(U.FirstInput, U.NumInputs);
  }
  /// The unit whose main file is \p File (relative to the index's
  /// directory), if one was merged.
  const Unit *unitOf(llvm::StringRef MainFile) const;

  /// The shortest chain, of at most \p MaxDepth functions, from a call of
  /// \p Usr to a blocking API \p Accept admits.
  std::optional<IndexChain>
  shortestChain(llvm::StringRef Usr, unsigned MaxDepth, ApiFilter Accept) const;

  /// Where the places resolve: the index file's directory, absolute; set by
  /// the loader.
  std::string BaseDirectory;
  /// \p File, as a place names it, absolute.
  std::string pathOf(llvm::StringRef File) const;

private:
  friend class SummaryIndexBuilder;

  llvm::ArrayRef<Blocking> blockingOf(const Function &F) const {
    return llvm::ArrayRef(BlockingCalls).slice(F.FirstBlocking, F.NumBlocking);
  }
  llvm::ArrayRef<Call> callsOf(const Function &F) const {
    return llvm::ArrayRef(Calls).slice(F.FirstCall, F.NumCalls);
  }
  llvm::StringRef intern(llvm::StringRef Text) { return Strings.save(Text); }
  /// Fills IndexOfUsr; false if a USR repeats or a reference is out of range.
  bool index();
  std::optional<IndexChain> precomputedChain(uint32_t Start) const;
  std::optional<IndexChain> searchChain(uint32_t Start, unsigned MaxDepth,
                                        ApiFilter Accept) const;
  IndexHop hop(const Function &From, const Call &C) const;
  IndexHop hop(const Function &From, const Blocking &B) const;

  llvm::BumpPtrAllocator Allocator;
  llvm::UniqueStringSaver Strings;
  std::vector<Function> Functions; // sorted by USR
  std::vector<Blocking> BlockingCalls;
  std::vector<Call> Calls;
  std::vector<llvm::StringRef> Recheck;
  std::vector<Unit> Units;
  std::vector<Input> Inputs;
  llvm::DenseMap<llvm::StringRef, uint32_t> IndexOfUsr;
  llvm::DenseMap<llvm::StringRef, uint32_t> UnitOfFile;
};

/// The index at \p Path, read once per process and again when the file
/// changes (coro-clangd picks up a rebuilt index without a restart). On
/// failure, null and \p Error says why.
std::shared_ptr<const SummaryIndex> getSummaryIndex(llvm::StringRef Path,
                                                    std::string &Error);

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_SUMMARIES_SUMMARYINDEX_H
