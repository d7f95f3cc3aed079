//===----------------------------------------------------------------------===//

#include "utils/CallSites.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace coro_tidy {

using namespace clang;

llvm::ArrayRef<const Expr *> parameterArguments(const Expr &Call) {
  llvm::ArrayRef<const Expr *> Args;
  if (const auto *CallE = dyn_cast<CallExpr>(&Call))
    Args = llvm::ArrayRef(CallE->getArgs(), CallE->getNumArgs());
  else if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Call))
    Args = llvm::ArrayRef(Construct->getArgs(), Construct->getNumArgs());
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(&Call))
    if (isa_and_nonnull<CXXMethodDecl>(Operator->getDirectCallee()))
      return Args.drop_front();
  return Args;
}

const FunctionDecl *calleeOf(const Expr &Call) {
  if (const auto *CallE = dyn_cast<CallExpr>(&Call))
    return CallE->getDirectCallee();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Call))
    return Construct->getConstructor();
  return nullptr;
}

bool isStdMoveOrForward(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  return Call.getNumArgs() == 1 && Callee && Callee->isInStdNamespace() &&
         Callee->getIdentifier() &&
         (Callee->getName() == "move" || Callee->getName() == "forward");
}

/// The declaration \p E names; a member only of this object unless
/// \p AnyObject.
static const ValueDecl *namedBy(const Expr *E, bool AnyObject) {
  if (!E)
    return nullptr;
  E = E->IgnoreImplicit()->IgnoreParenCasts();
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    if (Unary->getOpcode() == UO_AddrOf || Unary->getOpcode() == UO_Deref)
      return namedBy(Unary->getSubExpr(), AnyObject);
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return isStdMoveOrForward(*Call) ? namedBy(Call->getArg(0), AnyObject)
                                     : nullptr;
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return AnyObject ||
                   isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts())
               ? Member->getMemberDecl()
               : nullptr;
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  return Ref ? Ref->getDecl() : nullptr;
}

const ValueDecl *declNamedBy(const Expr *E) {
  return namedBy(E, /*AnyObject=*/true);
}

const ValueDecl *objectNamedBy(const Expr *E) {
  return namedBy(E, /*AnyObject=*/false);
}

SourceLocation reportLocation(const Expr &Call, const SourceManager &SM) {
  SourceLocation Loc =
      isa<CXXMemberCallExpr>(Call) ? Call.getExprLoc() : Call.getBeginLoc();
  return SM.getExpansionLoc(Loc);
}

StringRef sourceText(const Expr &E, const ASTContext &Context) {
  return Lexer::getSourceText(
      CharSourceRange::getTokenRange(E.getSourceRange()),
      Context.getSourceManager(), Context.getLangOpts());
}

} // namespace coro_tidy
