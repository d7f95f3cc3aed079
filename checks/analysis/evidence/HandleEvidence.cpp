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
    if (Method && Method->isConst())
      accept(Call->getImplicitObjectArgument());
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Callee->getIdentifier() && Callee->getName() == "swap")
      for (const Expr *Arg : Call->arguments())
        Reopened.insert(varNamedBy(Arg));
    // freopen(path, mode, stream) points the stream at another file.
    if (Callee && Callee->getIdentifier() && Callee->getName() == "freopen" &&
        Call->getNumArgs() == 3)
      Reopened.insert(varNamedBy(Call->getArg(2)));
    // A call the catalog names does what its entry says with the handle; any
    // other call may open it on another file.
    if (Calls.resolve(*Call, Context).isNamed()) {
      for (const Expr *Arg : Call->arguments())
        accept(Arg);
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
        accept(Member->getImplicitObjectArgument());
    } else if (Callee) {
      acceptReadOnlyArguments(*Call, *Callee);
    }
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->isAssignmentOp())
      Reopened.insert(varNamedBy(Op->getLHS()));
    if (Op->isEqualityOp()) {
      accept(Op->getLHS());
      accept(Op->getRHS());
    }
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *Op) {
    if (Op->getOpcode() == UO_LNot)
      accept(Op->getSubExpr());
    return true;
  }
  bool VisitImplicitCastExpr(ImplicitCastExpr *Cast) {
    if (Cast->getCastKind() == CK_PointerToBoolean)
      accept(Cast->getSubExpr());
    return true;
  }
  // A reference, pointer or capture the handle escapes through can open it on
  // another file unseen (the rule: let go only on every writer seen).
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (!Accepted.contains(Ref))
      Reopened.insert(dyn_cast<VarDecl>(Ref->getDecl()));
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *Lambda) {
    for (const LambdaCapture &Capture : Lambda->captures())
      if (Capture.capturesVariable())
        Reopened.insert(dyn_cast<VarDecl>(Capture.getCapturedVar()));
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
    if (Method && Method->isConst() && Op->getNumArgs() > 0)
      accept(Op->getArg(0));
    if (Op->isAssignmentOp() && Op->getNumArgs() > 0)
      Reopened.insert(varNamedBy(Op->getArg(0)));
    return true;
  }

  llvm::DenseSet<const VarDecl *> Opened, Reopened;

private:
  // Parents are visited before their operands, so an operand is accepted
  // before its DeclRefExpr is seen.
  void accept(const Expr *Operand) {
    if (Operand)
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Operand->IgnoreParenImpCasts()))
        Accepted.insert(Ref);
  }
  // A const reference or a pointer to const cannot reopen the handle.
  void acceptReadOnlyArguments(const CallExpr &Call,
                               const FunctionDecl &Callee) {
    unsigned Offset =
        isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
    for (unsigned I = Offset; I < Call.getNumArgs(); ++I) {
      if (I - Offset >= Callee.getNumParams())
        break;
      QualType Param = Callee.getParamDecl(I - Offset)->getType();
      if ((Param->isReferenceType() || Param->isPointerType()) &&
          Param->getPointeeType().isConstQualified())
        accept(Call.getArg(I));
    }
  }
  static const VarDecl *varNamedBy(const Expr *E) {
    return dyn_cast_or_null<VarDecl>(declNamedBy(E));
  }

  llvm::DenseSet<const DeclRefExpr *> Accepted;
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
