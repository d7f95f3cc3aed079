//===----------------------------------------------------------------------===//

#include "analysis/evidence/HandleEvidence.h"
#include "utils/CallSites.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace coro_tidy {

using namespace clang;

bool opensNonBlockingFile(const Expr *Value, CallResolver &Calls,
                          ASTContext &Context) {
  if (!Value)
    return false;
  Value = Value->IgnoreImplicit()->IgnoreParenImpCasts();
  return isa<CallExpr, CXXConstructExpr>(Value) &&
         Calls.resolve(*Value, Context).isLetGoByCondition();
}

const Expr *reopenedHandle(const CallExpr &Call) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    return Method && Method->getIdentifier() && Method->getName() == "open"
               ? Member->getImplicitObjectArgument()
               : nullptr;
  }
  // freopen(path, mode, stream) points the stream at another file.
  const FunctionDecl *Callee = Call.getDirectCallee();
  return Callee && Callee->getIdentifier() && Callee->getName() == "freopen" &&
                 Call.getNumArgs() == 3
             ? Call.getArg(2)
             : nullptr;
}

namespace {

/// Marks every reference to a local that is not an accepted use as an
/// escape. Parents are visited before their operands, so an operand is
/// accepted before its DeclRefExpr is seen.
class EscapeFinder : public RecursiveASTVisitor<EscapeFinder> {
public:
  EscapeFinder(CallResolver &Calls, ASTContext &Context,
               llvm::DenseSet<const VarDecl *> &Escaped)
      : Calls(Calls), Context(Context), Escaped(Escaped) {}

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (Method && (Method->isConst() || hasConstTwin(*Method)))
      accept(Call->getImplicitObjectArgument());
    return true;
  }
  // A call the catalog names does what its entry says with the handle; any
  // other call may open it on another file.
  bool VisitCallExpr(CallExpr *Call) {
    if (Calls.resolve(*Call, Context).isNamed()) {
      for (const Expr *Arg : Call->arguments())
        accept(Arg);
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
        accept(Member->getImplicitObjectArgument());
    } else if (const FunctionDecl *Callee = Call->getDirectCallee()) {
      acceptReadOnlyArguments(*Call, *Callee);
    }
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->isAssignmentOp())
      accept(Op->getLHS());
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
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
    if (Op->getNumArgs() > 0 &&
        ((Method && Method->isConst()) || Op->isAssignmentOp()))
      accept(Op->getArg(0));
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (!Accepted.contains(Ref))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        Escaped.insert(Var);
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *Lambda) {
    for (const LambdaCapture &Capture : Lambda->captures())
      if (Capture.capturesVariable())
        if (const auto *Var = dyn_cast<VarDecl>(Capture.getCapturedVar()))
          Escaped.insert(Var);
    return true;
  }

private:
  // libstdc++'s stream is_open() has a non-const overload beside the const
  // one (LWG 365); a call of it reads as much as the const one.
  static bool hasConstTwin(const CXXMethodDecl &Method) {
    for (const NamedDecl *Other :
         Method.getParent()->lookup(Method.getDeclName())) {
      const auto *Twin = dyn_cast<CXXMethodDecl>(Other);
      if (Twin && Twin != &Method && Twin->isConst() &&
          Twin->getNumParams() == Method.getNumParams() &&
          llvm::all_of(llvm::zip(Twin->parameters(), Method.parameters()),
                       [](const auto &Pair) {
                         return std::get<0>(Pair)->getType() ==
                                std::get<1>(Pair)->getType();
                       }))
        return true;
    }
    return false;
  }
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

  CallResolver &Calls;
  ASTContext &Context;
  llvm::DenseSet<const VarDecl *> &Escaped;
  llvm::DenseSet<const DeclRefExpr *> Accepted;
};

} // namespace

EscapingHandles::EscapingHandles(const FunctionDecl &FD, CallResolver &Calls,
                                 ASTContext &Context) {
  EscapeFinder Finder(Calls, Context, Escaped);
  if (const Stmt *Body = FD.getBody())
    Finder.TraverseStmt(const_cast<Stmt *>(Body));
}

} // namespace coro_tidy
