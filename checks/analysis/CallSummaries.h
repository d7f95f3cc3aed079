//===----------------------------------------------------------------------===//
// Blocking through helper functions: per-function facts and shortest chains
// within one translation unit.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_CALLSUMMARIES_H
#define CORO_TIDY_ANALYSIS_CALLSUMMARIES_H

#include "analysis/BlockingCalls.h"
#include "catalog/Catalog.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>

namespace coro_tidy {

/// What a function does on the thread that calls it, as facts: the blocking
/// APIs it calls directly and the functions it calls that can be followed.
/// A synchronous wait on a handle the function was given is left out: the
/// caller knows whether its handle is ready, the function does not.
struct FunctionSummary {
  struct BlockingCall {
    const clang::Expr *Call;
    const CatalogEntry *Entry;
  };
  struct Callee {
    const clang::Expr *Call;
    const clang::FunctionDecl *Function;
  };
  llvm::SmallVector<BlockingCall, 2> Blocking;
  llvm::SmallVector<Callee, 4> Callees;
};

/// A shortest path from a call of a helper to a blocking API: each hop is a
/// function and the call it makes, the last one to Entry's API.
struct BlockingChain {
  struct Hop {
    const clang::FunctionDecl *Function;
    const clang::Expr *Call;
  };
  llvm::SmallVector<Hop, 4> Hops;
  const CatalogEntry *Entry = nullptr;
};

/// The function \p Call would run if it is followed for blocking: a direct
/// call or construction of a function defined in the translation unit
/// outside system headers that is not a coroutine, returns no awaitable and
/// is not annotated coro::nonblocking; a virtual call only when the final
/// overrider is known. Function pointers, std::function and other opaque
/// callables are not followed, nor the catalog's inline callers (the
/// callables they run are walked in place).
const clang::FunctionDecl *followedCallee(const clang::Expr &Call,
                                          const LoadedCatalog &Catalog,
                                          const clang::ASTContext &Context);

/// The call facts of a translation unit, each function summarized once.
class CallSummaries {
public:
  CallSummaries(const LoadedCatalog &Catalog, BlockingClassifier &Classifier)
      : Catalog(Catalog), Classifier(Classifier) {}

  /// \p Definition's facts (it must have a body).
  const FunctionSummary &summaryOf(const clang::FunctionDecl &Definition,
                                   clang::ASTContext &Context);

  /// The shortest chain, of at most \p MaxDepth functions, from a call of
  /// \p Helper to a blocking call \p Accept admits; recursion ends where a
  /// function was visited already.
  std::optional<BlockingChain> shortestChain(
      const clang::FunctionDecl &Helper, unsigned MaxDepth,
      clang::ASTContext &Context,
      llvm::function_ref<bool(const CatalogEntry &, const clang::Expr &Call)>
          Accept);

private:
  const LoadedCatalog &Catalog;
  BlockingClassifier &Classifier;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionSummary>>
      Summaries;
};

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_CALLSUMMARIES_H
