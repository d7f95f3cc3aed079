//===----------------------------------------------------------------------===//

#include "analysis/CoroutineAnalysis.h"

namespace coro_tidy {

using namespace clang;

CoroutineAnalysis::CoroutineAnalysis(const FunctionDecl &Coroutine,
                                     CallResolver &Calls, ASTContext &Context)
    : Coroutine(Coroutine), Calls(Calls), Context(Context),
      Cfg(BodyCfg::build(Coroutine, Context)) {}

CoroutineAnalysis::~CoroutineAnalysis() = default;

void CoroutineAnalysis::forEachCall(
    llvm::function_ref<void(const Expr &, const CallSite &,
                            const ExecutorState &)>
        OnCall) {
  if (Cfg && !Executor)
    Executor = std::make_unique<ExecutorFlow>(*Cfg, Coroutine, Calls, Context);
  if (Cfg && !Doomed && callsNoReturnFunction(Coroutine))
    Doomed = std::make_unique<DoomedPaths>(*Cfg);
  auto RunsInline = [&](const Expr &Call) {
    return Calls.resolve(Call, Context).RunsCallablesInline;
  };
  forEachCallOnThread(
      Coroutine, RunsInline, [&](const Expr &Call, const CallSite &Site) {
        if (Doomed && Doomed->isDoomed(*Site.Anchor))
          return; // the process ends right after
        OnCall(Call, Site,
               Executor ? Executor->at(*Site.Anchor) : ExecutorState());
      });
}

Readiness CoroutineAnalysis::readinessAt(const CallSite &Site) {
  if (!Ready)
    Ready = std::make_unique<ReadinessFlow>(Coroutine, Calls, Context,
                                            [&] { return Cfg.get(); });
  return Ready->at(*Site.Anchor);
}

const LockFlow *CoroutineAnalysis::locks(const LockVocabulary &Vocabulary) {
  if (Cfg && !Locks)
    Locks = std::make_unique<LockFlow>(*Cfg, Coroutine, Context, Vocabulary);
  return Locks.get();
}

llvm::SmallVector<const TrackedLock *, 2>
CoroutineAnalysis::locksHeldDuring(const Expr &Call, const CallSite &Site,
                                   const LockVocabulary &Vocabulary) {
  const LockFlow *Flow = locks(Vocabulary);
  if (!Flow)
    return {};
  return Flow->heldDuring(*Site.Anchor, Call);
}

} // namespace coro_tidy
