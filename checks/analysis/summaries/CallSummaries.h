//===----------------------------------------------------------------------===//
// Blocking through helper functions: per-function facts and shortest chains,
// within a translation unit and on into the project's summary index.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_SUMMARIES_CALLSUMMARIES_H
#define CORO_TIDY_ANALYSIS_SUMMARIES_CALLSUMMARIES_H

#include "analysis/BlockingCalls.h"
#include "analysis/summaries/SummaryFacts.h"
#include "analysis/summaries/SummaryIndex.h"
#include "catalog/Catalog.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>
#include <string>

namespace coro_tidy {

/// What a function does on the thread that calls it, as facts: the blocking
/// APIs it calls directly and the functions it calls that can be followed,
/// with a body here or elsewhere. A synchronous wait on a handle the
/// function was given is left out: the caller knows whether its handle is
/// ready, the function does not.
struct FunctionSummary {
  struct BlockingCall {
    const clang::Expr *Call;
    const CatalogEntry *Entry;
  };
  struct Callee {
    const clang::Expr *Call;
    /// The function the call runs: its definition when there is one.
    const clang::FunctionDecl *Function;
    /// True when the body is in this translation unit; otherwise its facts
    /// may be in the project's summary index.
    bool hasBody() const { return Function->hasBody(); }
  };
  llvm::SmallVector<BlockingCall, 2> Blocking;
  llvm::SmallVector<Callee, 4> Callees;
};

/// A shortest path from a call of a helper to a blocking API: each hop is a
/// function and the call it makes, the last one to the API. Hops in this
/// translation unit point at their call; hops found in the index at a place
/// in another file.
struct BlockingChain {
  struct Hop {
    std::string Function;
    std::string Callee;
    bool Construct = false;
    const clang::Expr *Call = nullptr;
    SourcePlace Place;
    /// For a hop found in the index: the translation unit of its facts.
    std::optional<uint32_t> IndexUnit;
  };
  std::vector<Hop> Hops;
  std::string Api;
  std::string Category;
  /// The catalog entry of the API, when the chain ends in this translation
  /// unit.
  const CatalogEntry *Entry = nullptr;
};

/// The declaration \p Call runs if it is followed for blocking: a direct call
/// or construction, outside system headers, of a function that is not a
/// coroutine, returns no awaitable and is not annotated coro::nonblocking; a
/// virtual call only when the final overrider is known. Function pointers,
/// std::function and other opaque callables are not followed, nor the
/// catalog's inline callers (the callables they run are walked in place),
/// nor any call a catalog entry names, nor what its not-followed list names.
const clang::FunctionDecl *followedCallee(const clang::Expr &Call,
                                          CallResolver &Calls,
                                          const clang::ASTContext &Context);

/// How notes name a function: 'f', 'C' for a constructor, or "the lambda".
std::string chainName(const clang::FunctionDecl &Function);

/// The USR of \p Function, stable across translation units; "" if none.
std::string usrOf(const clang::FunctionDecl &Function);

/// Which blocking APIs a check reports (by entry, or by name and category
/// for facts from the index), and which calls it discounts.
struct ChainFilter {
  llvm::function_ref<bool(const CatalogEntry &, const clang::Expr &Call)>
      AcceptCall;
  llvm::function_ref<bool(llvm::StringRef Api, llvm::StringRef Category)>
      AcceptApi;
};

/// The call facts of a translation unit, each function summarized once.
class CallSummaries {
public:
  explicit CallSummaries(BlockingClassifier &Classifier)
      : Classifier(Classifier) {}

  /// \p Definition's facts (it must have a body).
  const FunctionSummary &summaryOf(const clang::FunctionDecl &Definition,
                                   clang::ASTContext &Context);

  /// The shortest chain, of at most \p MaxDepth functions, from a call of
  /// \p Callee (a body here, or facts in \p Index) to a blocking API
  /// \p Filter admits. Recursion ends where a function was visited already.
  std::optional<BlockingChain>
  shortestChain(const FunctionSummary::Callee &Callee, unsigned MaxDepth,
                clang::ASTContext &Context, const SummaryIndex *Index,
                const ChainFilter &Filter);

  /// The USRs of the functions without a body here that chains searched so
  /// far met: where the project's index may know more.
  const llvm::StringSet<> &openCallees() const { return OpenCallees; }

private:
  /// The rest of a chain from \p Callee, which has no body here, through
  /// \p Index.
  std::optional<IndexChain> indexChain(const FunctionSummary::Callee &Callee,
                                       unsigned MaxDepth,
                                       const SummaryIndex *Index,
                                       const ChainFilter &Filter);

  BlockingClassifier &Classifier;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionSummary>>
      Summaries;
  llvm::StringSet<> OpenCallees;
};

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_SUMMARIES_CALLSUMMARIES_H
