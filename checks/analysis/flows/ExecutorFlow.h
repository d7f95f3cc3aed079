//===----------------------------------------------------------------------===//
// On which executor a coroutine runs at each call: a must analysis on the
// CFG.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_FLOWS_EXECUTORFLOW_H
#define CORO_TIDY_ANALYSIS_FLOWS_EXECUTORFLOW_H

#include "analysis/flows/BodyCfg.h"
#include "catalog/CallMatcher.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

namespace coro_tidy {

/// An awaited hop that looks like an executor switch but is not one.
struct NonMovingHop {
  const clang::Expr *Call = nullptr;
  const CatalogEntry *Entry = nullptr;
  bool operator==(const NonMovingHop &Other) const {
    return Call == Other.Call;
  }
};

/// Where the coroutine runs when a statement starts.
struct ExecutorState {
  /// Off its caller's executor, on a pool meant for blocking work, on every
  /// path: after an awaited executor switch with no suspension since that
  /// could have resumed it elsewhere (or started there by an executor tag).
  bool OnBlockingPool = false;
  /// Awaited hops that look like a switch but resumed the coroutine on its
  /// own executor, on some path since the last real switch.
  llvm::SmallVector<NonMovingHop, 1> NonMovingHops;

  bool operator==(const ExecutorState &Other) const {
    return OnBlockingPool == Other.OnBlockingPool &&
           NonMovingHops == Other.NonMovingHops;
  }
};

/// Solves ExecutorState over a coroutine body: an awaited executor switch
/// puts it on the pool, any other suspension takes it off, and paths join
/// by intersection. A switch inside a block or branch holds after it only if
/// every path through it switched; leaving a scope does not undo a switch.
class ExecutorFlow {
public:
  ExecutorFlow(BodyCfg &Cfg, const clang::FunctionDecl &Coroutine,
               CallResolver &Calls, clang::ASTContext &Context);

  /// The state when \p S (a call or construction in the graph) starts.
  ExecutorState at(const clang::Stmt &S) const;

  struct Impl;

private:
  llvm::DenseMap<const clang::Stmt *, ExecutorState> Before;
};

/// True if \p Coroutine starts on an executor its caller chose for it: a
/// parameter has one of the catalog's executor-tag types.
bool startsOnChosenExecutor(const clang::FunctionDecl &Coroutine,
                            const LoadedCatalog &Catalog);

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_FLOWS_EXECUTORFLOW_H
