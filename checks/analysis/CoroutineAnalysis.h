//===----------------------------------------------------------------------===//
// Everything the checks ask of one coroutine body, solved once.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_COROUTINEANALYSIS_H
#define CORO_TIDY_ANALYSIS_COROUTINEANALYSIS_H

#include "analysis/CoroutineBody.h"
#include "analysis/flows/BodyCfg.h"
#include "analysis/flows/DoomedPaths.h"
#include "analysis/flows/ExecutorFlow.h"
#include "analysis/flows/LockFlow.h"
#include "analysis/flows/ReadinessFlow.h"
#include "catalog/CallMatcher.h"
#include <memory>

namespace coro_tidy {

/// One coroutine body: which calls run on its thread (the AST walk, with the
/// catalog's inline callers), on which executor (ExecutorFlow), under
/// which locks (LockFlow) and with what ready (ReadinessFlow). The CFG is built
/// once, the flows when first asked for; without a CFG every call counts as on
/// the coroutine's own executor, under no lock.
class CoroutineAnalysis {
public:
  CoroutineAnalysis(const clang::FunctionDecl &Coroutine, CallResolver &Calls,
                    clang::ASTContext &Context);
  ~CoroutineAnalysis();

  /// Calls \p OnCall for each call on the coroutine's thread, but not those
  /// on paths that end the process (DoomedPaths).
  void forEachCall(
      llvm::function_ref<void(const clang::Expr &Call, const CallSite &Site,
                              const ExecutorState &Executor)>
          OnCall);

  /// What is ready on every path to the call at \p Site.
  Readiness readinessAt(const CallSite &Site);

  /// The lockset under \p Vocabulary; null without a CFG.
  const LockFlow *locks(const LockVocabulary &Vocabulary);

  /// The locks that may be held while the call at \p Site runs.
  llvm::SmallVector<const TrackedLock *, 2>
  locksHeldDuring(const clang::Expr &Call, const CallSite &Site,
                  const LockVocabulary &Vocabulary);

private:
  const clang::FunctionDecl &Coroutine;
  CallResolver &Calls;
  clang::ASTContext &Context;
  std::unique_ptr<BodyCfg> Cfg;
  std::unique_ptr<ExecutorFlow> Executor;
  std::unique_ptr<DoomedPaths> Doomed;
  std::unique_ptr<LockFlow> Locks;
  std::unique_ptr<ReadinessFlow> Ready;
};

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_COROUTINEANALYSIS_H
