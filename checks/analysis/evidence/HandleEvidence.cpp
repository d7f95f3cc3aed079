//===----------------------------------------------------------------------===//

#include "analysis/evidence/HandleEvidence.h"
#include "utils/CallSites.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace coro_tidy {

using namespace clang;

namespace {

/// The opening call an initializer is, seen through temporaries.
const Expr *openingCall(const Expr *Init) {
  if (!Init)
    return nullptr;
  Init = Init->IgnoreImplicit()->IgnoreParenImpCasts();
  return isa<CallExpr, CXXConstructExpr>(Init) ? Init : nullptr;
}

class HandleFinder : public RecursiveASTVisitor<HandleFinder> {
public:
  HandleFinder(CallResolver &Calls, ASTContext &Context)
      : Calls(Calls), Context(Context) {}

  bool VisitVarDecl(VarDecl *Var) {
    if (!Var->isLocalVarDecl())
      return true;
    if (const Expr *Open = openingCall(Var->getInit()))
      if (Calls.resolve(*Open, Context).isLetGoByCondition())
        Opened.insert(Var);
    return true;
  }
  // Opened, swapped or assigned anew: the handle may name another file
  // then.
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (Method && Method->getIdentifier() &&
        (Method->getName() == "open" || Method->getName() == "swap"))
      Reopened.insert(varNamedBy(Call->getImplicitObjectArgument()));
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Callee->getIdentifier() && Callee->getName() == "swap")
      for (const Expr *Arg : Call->arguments())
        Reopened.insert(varNamedBy(Arg));
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->isAssignmentOp())
      Reopened.insert(varNamedBy(Op->getLHS()));
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
    if (Op->isAssignmentOp() && Op->getNumArgs() > 0)
      Reopened.insert(varNamedBy(Op->getArg(0)));
    return true;
  }

  llvm::DenseSet<const VarDecl *> Opened, Reopened;

private:
  static const VarDecl *varNamedBy(const Expr *E) {
    return dyn_cast_or_null<VarDecl>(declNamedBy(E));
  }

  CallResolver &Calls;
  ASTContext &Context;
};

} // namespace

HandleEvidence::HandleEvidence(const FunctionDecl &FD, CallResolver &Calls,
                               ASTContext &Context) {
  HandleFinder Finder(Calls, Context);
  if (const Stmt *Body = FD.getBody())
    Finder.TraverseStmt(const_cast<Stmt *>(Body));
  for (const VarDecl *Var : Finder.Opened)
    if (!Finder.Reopened.contains(Var))
      NonBlocking.insert(Var);
}

bool HandleEvidence::usesNonBlockingHandle(const Expr &Call) const {
  if (NonBlocking.empty())
    return false;
  auto IsHandle = [&](const Expr *Operand) {
    const auto *Var = dyn_cast_or_null<VarDecl>(declNamedBy(Operand));
    return Var && NonBlocking.contains(Var);
  };
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    if (IsHandle(Member->getImplicitObjectArgument()))
      return true;
  if (const auto *CallE = dyn_cast<CallExpr>(&Call))
    return llvm::any_of(CallE->arguments(), IsHandle);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Call))
    return llvm::any_of(Construct->arguments(), IsHandle);
  return false;
}

} // namespace coro_tidy
