//===----------------------------------------------------------------------===//

#include "analysis/flows/ExecutorFlow.h"
#include "utils/Coroutines.h"
#include "utils/QualifiedNames.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace coro_tidy {

using namespace clang;

struct ExecutorFlow::Impl {
  using State = ExecutorState;

  CallResolver &Calls;
  ASTContext &Context;
  bool StartsOnPool;

  State entryState() { return State{StartsOnPool, {}}; }
  void join(State &Into, const State &From) {
    Into.OnBlockingPool = Into.OnBlockingPool && From.OnBlockingPool;
    for (const NonMovingHop &Hop : From.NonMovingHops)
      if (!llvm::is_contained(Into.NonMovingHops, Hop))
        Into.NonMovingHops.push_back(Hop);
  }
  void enterBlock(const CFGBlock &, State &) {}
  void leaveBlock(const CFGBlock &, unsigned, State &) {}
  void transfer(const CFGElement &Element, State &S) {
    std::optional<CFGStmt> Statement = Element.getAs<CFGStmt>();
    if (!Statement || !isSuspensionPoint(*Statement->getStmt()))
      return;
    const Expr *Awaited = isa<CoawaitExpr>(Statement->getStmt())
                              ? awaitedCall(*Statement->getStmt())
                              : nullptr;
    const CallFacts *Facts =
        Awaited ? &Calls.resolve(*Awaited, Context) : nullptr;
    S.OnBlockingPool = Facts && Facts->ExecutorSwitch;
    if (S.OnBlockingPool) {
      S.NonMovingHops.clear();
    } else if (const CatalogEntry *Hop =
                   Facts ? Facts->NonMovingHop : nullptr) {
      const NonMovingHop Here{Awaited, Hop};
      if (!llvm::is_contained(S.NonMovingHops, Here))
        S.NonMovingHops.push_back(Here);
    }
  }
};

ExecutorFlow::ExecutorFlow(BodyCfg &Cfg, const FunctionDecl &Coroutine,
                           CallResolver &Calls, ASTContext &Context) {
  Impl Analysis{Calls, Context,
                startsOnChosenExecutor(Coroutine, Calls.catalog())};
  ForwardFlow<Impl> Flow(Cfg, Analysis);
  Flow.replay([&](const CFGElement &Element, const ExecutorState &S) {
    std::optional<CFGStmt> Statement = Element.getAs<CFGStmt>();
    if (Statement && isa<CallExpr, CXXConstructExpr>(Statement->getStmt()) &&
        !(S == ExecutorState()))
      Before.try_emplace(Statement->getStmt(), S);
  });
}

ExecutorState ExecutorFlow::at(const Stmt &S) const {
  auto It = Before.find(&S);
  return It == Before.end() ? ExecutorState() : It->second;
}

bool startsOnChosenExecutor(const FunctionDecl &Coroutine,
                            const LoadedCatalog &Catalog) {
  return llvm::any_of(Coroutine.parameters(), [&](const ParmVarDecl *Param) {
    return Catalog.ExecutorTags.contains(typeName(Param->getType()));
  });
}

} // namespace coro_tidy
