//===----------------------------------------------------------------------===//

#include "analysis/CoroutineBody.h"
#include "utils/Coroutines.h"
#include "utils/LocalBodyVisitor.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/StmtCXX.h"

namespace coro_tidy {

using namespace clang;

namespace {

const LambdaExpr *lambdaInvokedInPlace(const CXXOperatorCallExpr &Call) {
  if (Call.getOperator() != OO_Call || Call.getNumArgs() == 0)
    return nullptr;
  const Expr *Callee = Call.getArg(0)->IgnoreImplicit()->IgnoreParens();
  return dyn_cast<LambdaExpr>(Callee->IgnoreImplicit());
}

/// Walks the statements a body runs on its own thread, in source order.
class BodyWalker : public LocalBodyVisitor<BodyWalker> {
  using Base = LocalBodyVisitor<BodyWalker>;

public:
  BodyWalker(llvm::function_ref<bool(const Expr &)> RunsCallablesInline,
             llvm::function_ref<void(const Expr &, const CallSite &)> OnCall)
      : RunsCallablesInline(RunsCallablesInline), OnCall(OnCall) {}

  bool VisitCallExpr(CallExpr *Call) {
    visitCall(*Call, Call->arguments());
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    visitCall(*Construct, Construct->arguments());
    return true;
  }

  // A nested lambda may run anywhere; only its captures' initializers run
  // here.
  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    traverseCaptureInits(*Lambda);
    return true;
  }

  // ... except a lambda invoked in place, which runs right here.
  bool TraverseCXXOperatorCallExpr(CXXOperatorCallExpr *Call) {
    const LambdaExpr *Lambda = lambdaInvokedInPlace(*Call);
    if (!Lambda)
      return Base::TraverseCXXOperatorCallExpr(Call);
    traverseCaptureInits(*Lambda);
    walkInline(*Lambda, *Call);
    for (unsigned I = 1; I < Call->getNumArgs(); ++I)
      TraverseStmt(Call->getArg(I));
    return true;
  }

  // co_await f(): f creates the awaitable; only its arguments are evaluated
  // beyond that.
  bool TraverseCoawaitExpr(CoawaitExpr *Await) {
    traverseAwaitedOperand(Await->getOperand());
    return true;
  }
  bool TraverseDependentCoawaitExpr(DependentCoawaitExpr *Await) {
    traverseAwaitedOperand(Await->getOperand());
    return true;
  }
  bool TraverseCoyieldExpr(CoyieldExpr *Yield) {
    return TraverseStmt(Yield->getOperand());
  }

  bool TraverseCompoundStmt(CompoundStmt *S) {
    for (Stmt *Child : S->body()) {
      const Stmt *Saved = CurrentStatement;
      CurrentStatement = Child;
      if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Child))
        CurrentStatement = Cleanups->getSubExpr();
      TraverseStmt(Child);
      CurrentStatement = Saved;
    }
    return true;
  }

  // Unevaluated operands.
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) {
    return true;
  }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *) { return true; }
  bool TraverseRequiresExpr(RequiresExpr *) { return true; }
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc) { return true; }
  bool TraverseTypeOfExprTypeLoc(TypeOfExprTypeLoc) { return true; }
  bool TraverseCXXTypeidExpr(CXXTypeidExpr *Typeid) {
    if (!Typeid->isPotentiallyEvaluated())
      return true;
    return Base::TraverseCXXTypeidExpr(Typeid);
  }

private:
  template <typename Arguments>
  void visitCall(const Expr &Call, Arguments Args) {
    CallSite Here = Site;
    if (!Here.Anchor)
      Here.Anchor = &Call;
    Here.IsStatement = &Call == CurrentStatement;
    OnCall(Call, Here);
    if (!RunsCallablesInline(Call))
      return;
    for (const Expr *Arg : Args)
      if (const auto *Lambda =
              dyn_cast<LambdaExpr>(Arg->IgnoreImplicit()->IgnoreParens()))
        walkInline(*Lambda, Call);
  }

  /// Walks the body of a lambda that runs on this thread now (unless it is a
  /// coroutine itself: then it is checked on its own).
  void walkInline(const LambdaExpr &Lambda, const Expr &RunBy) {
    if (isCoroutine(*Lambda.getCallOperator()))
      return;
    const CallSite Saved = Site;
    const Stmt *SavedStatement = CurrentStatement;
    if (!Site.Anchor)
      Site.Anchor = &RunBy;
    Site.InOwnFrame = false;
    CurrentStatement = nullptr;
    TraverseStmt(Lambda.getBody());
    Site = Saved;
    CurrentStatement = SavedStatement;
  }

  void traverseCaptureInits(const LambdaExpr &Lambda) {
    for (const LambdaCapture &Capture : Lambda.explicit_captures())
      if (Capture.capturesVariable())
        if (const auto *Var = dyn_cast<VarDecl>(Capture.getCapturedVar()))
          if (Var->isInitCapture() && Var->getInit())
            TraverseStmt(const_cast<Expr *>(Var->getInit()));
  }

  void traverseAwaitedOperand(Expr *Operand) {
    Expr *Inner = Operand ? Operand->IgnoreImplicit() : nullptr;
    auto *Call = dyn_cast_or_null<CallExpr>(Inner);
    const auto *OperatorCall = dyn_cast_or_null<CXXOperatorCallExpr>(Call);
    if (!Call || (OperatorCall && lambdaInvokedInPlace(*OperatorCall))) {
      TraverseStmt(Operand);
      return;
    }
    for (Stmt *Child : Call->children())
      TraverseStmt(Child);
  }

  llvm::function_ref<bool(const Expr &)> RunsCallablesInline;
  llvm::function_ref<void(const Expr &, const CallSite &)> OnCall;
  CallSite Site;
  /// The expression statement being walked, to tell whole statements apart.
  const Stmt *CurrentStatement = nullptr;
};

} // namespace

void forEachCallOnThread(
    const FunctionDecl &FD,
    llvm::function_ref<bool(const Expr &)> RunsCallablesInline,
    llvm::function_ref<void(const Expr &Call, const CallSite &Site)> OnCall) {
  if (const Stmt *Body = userWrittenBody(FD))
    BodyWalker(RunsCallablesInline, OnCall)
        .TraverseStmt(const_cast<Stmt *>(Body));
}

} // namespace coro_tidy
