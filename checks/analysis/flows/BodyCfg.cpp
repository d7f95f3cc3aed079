//===----------------------------------------------------------------------===//

#include "analysis/flows/BodyCfg.h"
#include "utils/Coroutines.h"
#include "utils/LocalBodyVisitor.h"
#include "clang/AST/StmtCXX.h"

namespace coro_tidy {

using namespace clang;

namespace {

/// The variables each try block declares, by handler.
class TryVariableCollector : public LocalBodyVisitor<TryVariableCollector> {
public:
  llvm::DenseMap<const Stmt *, llvm::SmallVector<const VarDecl *, 2>> ByHandler;

  bool TraverseCXXTryStmt(CXXTryStmt *Try) {
    TryStack.push_back({});
    TraverseStmt(Try->getTryBlock());
    llvm::SmallVector<const VarDecl *, 2> Declared = TryStack.pop_back_val();
    // A variable of a nested try leaves with the outer one too.
    if (!TryStack.empty())
      TryStack.back().append(Declared.begin(), Declared.end());
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
      ByHandler[Try->getHandler(I)] = Declared;
      TraverseStmt(Try->getHandler(I));
    }
    return true;
  }
  bool VisitVarDecl(VarDecl *Var) {
    if (!TryStack.empty() && Var->isLocalVarDecl())
      TryStack.back().push_back(Var);
    return true;
  }

private:
  llvm::SmallVector<llvm::SmallVector<const VarDecl *, 2>, 2> TryStack;
};

} // namespace

BodyCfg::BodyCfg(std::unique_ptr<CFG> Graph)
    : Graph(std::move(Graph)), Order(this->Graph.get()) {}

std::unique_ptr<BodyCfg> BodyCfg::build(const FunctionDecl &FD,
                                        ASTContext &Context) {
  const Stmt *Body = userWrittenBody(FD);
  if (!Body)
    return nullptr;
  TryVariableCollector Collector;
  Collector.TraverseStmt(const_cast<Stmt *>(Body));
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  Options.AddTemporaryDtors = true;
  // A handler runs after any call of its try block that throws, not only
  // after a throw statement: a switch, an unlock or an await before it may
  // not have happened. Without a handler a throw leaves the body.
  Options.AddEHEdges = !Collector.ByHandler.empty();
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(&FD, const_cast<Stmt *>(Body), &Context, Options);
  if (!Graph)
    return nullptr;
  std::unique_ptr<BodyCfg> Result(new BodyCfg(std::move(Graph)));
  Result->TryVariablesOfHandler = std::move(Collector.ByHandler);
  return Result;
}

llvm::ArrayRef<const VarDecl *>
BodyCfg::variablesLeftByThrowInto(const CFGBlock &Block) const {
  const Stmt *Label = Block.getLabel();
  if (!Label || !isa<CXXCatchStmt>(Label))
    return {};
  auto It = TryVariablesOfHandler.find(Label);
  if (It == TryVariablesOfHandler.end())
    return {};
  return It->second;
}

bool BodyCfg::isThrowEdge(const CFGBlock &From, const CFGBlock &To) {
  return !From.empty() && isa_and_nonnull<CXXTryStmt>(To.getTerminatorStmt());
}

bool BodyCfg::isImpossibleThrow(const CFGBlock &From, const CFGBlock &To) {
  if (!isThrowEdge(From, To))
    return false;
  std::optional<CFGStmt> Last = From.back().getAs<CFGStmt>();
  const auto *Call = Last ? dyn_cast<CallExpr>(Last->getStmt()) : nullptr;
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  const auto *Prototype =
      Callee ? Callee->getType()->getAs<FunctionProtoType>() : nullptr;
  return Prototype &&
         !isUnresolvedExceptionSpec(Prototype->getExceptionSpecType()) &&
         Prototype->isNothrow();
}

} // namespace coro_tidy
