//===----------------------------------------------------------------------===//

#include "analysis/summaries/CallSummaries.h"
#include "analysis/CoroutineBody.h"
#include "analysis/flows/DoomedPaths.h"
#include "analysis/summaries/BreadthFirst.h"
#include "catalog/CallMatcher.h"
#include "catalog/Frameworks.h"
#include "utils/CallSites.h"
#include "utils/Coroutines.h"
#include "utils/QualifiedNames.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"

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
  return Object ? Method->getDevirtualizedMethod(Object, /*IsAppleKext=*/false)
                : nullptr;
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

/// The search over this translation unit's functions: a visit's edge is
/// the call that reached it; the helper the coroutine calls is at depth 1.
using HelperSearch =
    BreadthFirst<const FunctionDecl *, const Expr *, const Decl *>;

/// The hops from the helper to visit \p Last of \p Search, whose function
/// makes the final call \p Call to \p Callee.
std::vector<BlockingChain::Hop> hopsTo(const HelperSearch &Search, size_t Last,
                                       const Expr &Call, std::string Callee) {
  std::vector<BlockingChain::Hop> Hops;
  const llvm::SmallVector<size_t, 8> Path = Search.pathTo(Last);
  for (size_t I = 0; I < Path.size(); ++I) {
    const bool IsLast = I + 1 == Path.size();
    BlockingChain::Hop Hop;
    Hop.Function = chainName(*Search[Path[I]].At);
    Hop.Call = IsLast ? &Call : Search[Path[I + 1]].Reached;
    Hop.Construct = isa<CXXConstructExpr>(Hop.Call);
    if (!IsLast)
      Hop.Callee = chainName(*Search[Path[I + 1]].At);
    Hops.push_back(std::move(Hop));
  }
  Hops.back().Callee = std::move(Callee);
  return Hops;
}

void appendIndexHops(const IndexChain &From, BlockingChain &Chain) {
  for (const IndexHop &Hop : From.Hops) {
    BlockingChain::Hop Copy;
    Copy.Function = Hop.Function;
    Copy.Callee = Hop.Callee;
    Copy.Construct = Hop.Construct;
    Copy.Place = {Hop.Where.File.str(), Hop.Where.Line, Hop.Where.Column};
    Copy.IndexUnit = Hop.Unit;
    Chain.Hops.push_back(std::move(Copy));
  }
  Chain.Api = From.Api;
  Chain.Category = From.Category;
}

} // namespace

std::string chainName(const FunctionDecl &Function) {
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&Function))
    return "'" + catalogName(*Ctor->getParent()) + "'";
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&Function))
    if (Method->getParent()->isLambda())
      return "the lambda";
  return "'" + catalogName(Function) + "'";
}

std::string usrOf(const FunctionDecl &Function) {
  llvm::SmallString<128> Usr;
  if (index::generateUSRForDecl(&Function, Usr))
    return "";
  return std::string(Usr);
}

const FunctionDecl *followedCallee(const Expr &Call, CallResolver &Calls,
                                   const ASTContext &Context) {
  const FunctionDecl *Callee = nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    Callee = knownOverrider(*Member);
  else if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Call))
    Callee = Construct->getConstructor();
  else if (const auto *CallE = dyn_cast<CallExpr>(&Call))
    Callee = CallE->getDirectCallee();
  // The catalog's inline callers are modelled: the callables they run are
  // walked in place. An API the catalog lists is the catalog's to describe
  // (a sync wait coro-sync-wait reports, an entry the user allowed), even
  // when its body is in the project.
  if (!Callee)
    return nullptr;
  const CallFacts &Facts = Calls.resolve(Call, Context);
  const LoadedCatalog &Catalog = Calls.catalog();
  if (Facts.RunsCallablesInline || Facts.isNamed() ||
      isNotFollowed(*Callee, Catalog))
    return nullptr;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee))
    if (Method->isPureVirtual())
      return nullptr;
  const FunctionDecl *Definition = Callee->getDefinition();
  const FunctionDecl *Declaration = Definition ? Definition : Callee;
  if (Context.getSourceManager().isInSystemHeader(Declaration->getLocation()) ||
      isAwaitableType(Declaration->getReturnType(), Catalog) ||
      annotation(*Declaration, NonBlockingAnnotation) ||
      (Definition && isCoroutine(*Definition)))
    return nullptr;
  return Declaration;
}

const FunctionSummary &CallSummaries::summaryOf(const FunctionDecl &Definition,
                                                ASTContext &Context) {
  std::unique_ptr<FunctionSummary> &Slot =
      Summaries[Definition.getCanonicalDecl()];
  if (Slot)
    return *Slot;
  Slot = std::make_unique<FunctionSummary>();
  FunctionSummary &Summary = *Slot;
  CallResolver &Calls = Classifier.calls();
  auto RunsInline = [&](const Expr &Call) {
    return Calls.resolve(Call, Context).RunsCallablesInline;
  };
  // A helper's fatal-error path (log, print a stack trace, exit) stalls
  // nothing that goes on.
  const std::unique_ptr<DoomedPaths> Doomed =
      DoomedPaths::build(Definition, Context);
  std::unique_ptr<BodyCfg> Cfg;
  const ReadinessFlow Ready(Definition, Calls, Context, [&] {
    Cfg = BodyCfg::build(Definition, Context);
    return Cfg.get();
  });
  forEachCallOnThread(
      Definition, RunsInline, [&](const Expr &Call, const CallSite &Site) {
        if (Doomed && Doomed->isDoomed(*Site.Anchor))
          return;
        if (const CatalogEntry *Entry = Classifier.classify(
                Call, Definition, Ready.at(*Site.Anchor), Context,
                /*IncludeSyncWaits=*/true,
                [](const CatalogEntry &) { return true; })) {
          if (!isWaitOnCallersHandle(*Entry, Call, Definition))
            Summary.Blocking.push_back({&Call, Entry});
        } else if (const FunctionDecl *Callee =
                       followedCallee(Call, Calls, Context)) {
          Summary.Callees.push_back({&Call, Callee});
        }
      });
  return Summary;
}

std::optional<IndexChain>
CallSummaries::indexChain(const FunctionSummary::Callee &Callee,
                          unsigned MaxDepth, const SummaryIndex *Index,
                          const ChainFilter &Filter) {
  const std::string Usr = usrOf(*Callee.Function);
  if (Usr.empty())
    return std::nullopt;
  OpenCallees.insert(Usr);
  return Index ? Index->shortestChain(Usr, MaxDepth, Filter.AcceptApi)
               : std::nullopt;
}

std::optional<BlockingChain> CallSummaries::shortestChain(
    const FunctionSummary::Callee &Start, unsigned MaxDepth,
    ASTContext &Context, const SummaryIndex *Index, const ChainFilter &Filter) {
  if (!Start.hasBody()) {
    std::optional<IndexChain> Found =
        indexChain(Start, MaxDepth, Index, Filter);
    if (!Found)
      return std::nullopt;
    BlockingChain Chain;
    appendIndexHops(*Found, Chain);
    return Chain;
  }
  HelperSearch Search;
  Search.start(Start.Function, Start.Function->getCanonicalDecl());
  // The shortest chain through the index so far, and its length.
  std::optional<BlockingChain> Best;
  unsigned BestLength = MaxDepth + 1;
  for (size_t Next = 0; Next < Search.size(); ++Next) {
    const HelperSearch::Visit Current = Search[Next];
    if (Current.Depth >= BestLength)
      break;
    const FunctionSummary &Summary = summaryOf(*Current.At, Context);
    for (const FunctionSummary::BlockingCall &Blocking : Summary.Blocking) {
      if (!Filter.AcceptCall(*Blocking.Entry, *Blocking.Call))
        continue;
      BlockingChain Chain;
      Chain.Hops = hopsTo(Search, Next, *Blocking.Call,
                          "'" + Blocking.Entry->Name + "'");
      Chain.Api = Blocking.Entry->Name;
      Chain.Category = Blocking.Entry->Category;
      Chain.Entry = Blocking.Entry;
      return Chain;
    }
    if (Current.Depth >= MaxDepth)
      continue;
    for (const FunctionSummary::Callee &Callee : Summary.Callees) {
      if (Callee.hasBody()) {
        Search.reach(Next, Callee.Function, Callee.Function->getCanonicalDecl(),
                     Callee.Call);
        continue;
      }
      std::optional<IndexChain> Rest =
          indexChain(Callee, MaxDepth - Current.Depth, Index, Filter);
      if (!Rest || Current.Depth + Rest->Hops.size() >= BestLength)
        continue;
      BestLength = Current.Depth + Rest->Hops.size();
      Best.emplace();
      Best->Hops =
          hopsTo(Search, Next, *Callee.Call, chainName(*Callee.Function));
      appendIndexHops(*Rest, *Best);
    }
  }
  return Best;
}

} // namespace coro_tidy
