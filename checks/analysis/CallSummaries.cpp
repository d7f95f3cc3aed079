//===----------------------------------------------------------------------===//

#include "analysis/CallSummaries.h"
#include "analysis/CoroutineBody.h"
#include "catalog/CallMatcher.h"
#include "catalog/Frameworks.h"
#include "utils/CallSites.h"
#include "utils/Coroutines.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include <deque>

namespace coro_tidy {

using namespace clang;

namespace {

/// The method a virtual call runs when it is known: the callee is final or
/// its class is, or the object's dynamic type is (a local object, *this of
/// a final class).
const FunctionDecl *knownOverrider(const CXXMemberCallExpr &Call) {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  if (!Method || !Method->isVirtual())
    return Method;
  const Expr *Object = Call.getImplicitObjectArgument();
  if (const CXXMethodDecl *Devirtualized =
          Object ? Method->getDevirtualizedMethod(Object, /*IsAppleKext=*/false)
                 : nullptr)
    return Devirtualized;
  return nullptr;
}

/// True if \p Call is a synchronous wait on a handle \p Function was given
/// (`void check(result<int> r) { r.get(); }`): whether it blocks depends on
/// whether the caller's handle is ready, which the caller knows, not this
/// function.
bool isWaitOnCallersHandle(const CatalogEntry &Entry, const Expr &Call,
                           const FunctionDecl &Function) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  if (Entry.Category != "sync-wait" || !Member)
    return false;
  const auto *Param = dyn_cast_or_null<ParmVarDecl>(
      declNamedBy(Member->getImplicitObjectArgument()));
  return Param && Param->getDeclContext() == &Function;
}

} // namespace

const FunctionDecl *followedCallee(const Expr &Call,
                                   const LoadedCatalog &Catalog,
                                   const ASTContext &Context) {
  const FunctionDecl *Callee = nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    Callee = knownOverrider(*Member);
  else if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Call))
    Callee = Construct->getConstructor();
  else if (const auto *CallE = dyn_cast<CallExpr>(&Call))
    Callee = CallE->getDirectCallee();
  // The catalog's inline callers are modelled: the callables they run are
  // walked in place.
  if (!Callee || runsCallablesInline(Call, Catalog))
    return nullptr;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee))
    if (Method->isPureVirtual())
      return nullptr;
  const FunctionDecl *Definition = Callee->getDefinition();
  if (!Definition || !Definition->hasBody() ||
      Context.getSourceManager().isInSystemHeader(Definition->getLocation()))
    return nullptr;
  if (isCoroutine(*Definition) ||
      isAwaitableType(Definition->getReturnType(), Catalog) ||
      annotation(*Definition, NonBlockingAnnotation))
    return nullptr;
  return Definition;
}

const FunctionSummary &CallSummaries::summaryOf(const FunctionDecl &Definition,
                                                ASTContext &Context) {
  std::unique_ptr<FunctionSummary> &Slot =
      Summaries[Definition.getCanonicalDecl()];
  if (Slot)
    return *Slot;
  Slot = std::make_unique<FunctionSummary>();
  FunctionSummary &Summary = *Slot;
  auto RunsInline = [&](const Expr &Call) {
    return runsCallablesInline(Call, Catalog);
  };
  forEachCallOnThread(
      Definition, RunsInline, [&](const Expr &Call, const CallSite &) {
        if (const CatalogEntry *Entry = Classifier.classify(
                Call, Definition, Context, /*IncludeSyncWaits=*/true,
                [](const CatalogEntry &) { return true; })) {
          if (!isWaitOnCallersHandle(*Entry, Call, Definition))
            Summary.Blocking.push_back({&Call, Entry});
        } else if (const FunctionDecl *Callee =
                       followedCallee(Call, Catalog, Context)) {
          Summary.Callees.push_back({&Call, Callee});
        }
      });
  return Summary;
}

std::optional<BlockingChain> CallSummaries::shortestChain(
    const FunctionDecl &Helper, unsigned MaxDepth, ASTContext &Context,
    llvm::function_ref<bool(const CatalogEntry &, const Expr &)> Accept) {
  struct Visit {
    const FunctionDecl *Function;
    unsigned Depth;
    int From;                 // index of the caller's visit, -1 for Helper
    const Expr *CallInCaller; // the call that reached Function
  };
  std::vector<Visit> Visits{{&Helper, 1, -1, nullptr}};
  llvm::DenseSet<const FunctionDecl *> Seen{Helper.getCanonicalDecl()};
  for (size_t Next = 0; Next < Visits.size(); ++Next) {
    const Visit Current = Visits[Next];
    const FunctionSummary &Summary = summaryOf(*Current.Function, Context);
    for (const FunctionSummary::BlockingCall &Blocking : Summary.Blocking) {
      if (!Accept(*Blocking.Entry, *Blocking.Call))
        continue;
      BlockingChain Chain;
      Chain.Entry = Blocking.Entry;
      const Expr *Call = Blocking.Call;
      for (int I = static_cast<int>(Next); I >= 0; I = Visits[I].From) {
        Chain.Hops.insert(Chain.Hops.begin(), {Visits[I].Function, Call});
        Call = Visits[I].CallInCaller;
      }
      return Chain;
    }
    if (Current.Depth >= MaxDepth)
      continue;
    for (const FunctionSummary::Callee &Callee : Summary.Callees)
      if (Seen.insert(Callee.Function->getCanonicalDecl()).second)
        Visits.push_back({Callee.Function, Current.Depth + 1,
                          static_cast<int>(Next), Callee.Call});
  }
  return std::nullopt;
}

} // namespace coro_tidy
