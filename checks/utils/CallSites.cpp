//===----------------------------------------------------------------------===//

#include "utils/CallSites.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

namespace coro_tidy {

using namespace clang;

const FunctionDecl *calleeOf(const Expr &Call) {
  if (const auto *CallE = dyn_cast<CallExpr>(&Call))
    return CallE->getDirectCallee();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Call))
    return Construct->getConstructor();
  return nullptr;
}

const ValueDecl *referencedVariable(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreImplicit()->IgnoreParenImpCasts();
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      if (Call->getNumArgs() == 1 && Callee->isInStdNamespace() &&
          Callee->getIdentifier() &&
          (Callee->getName() == "move" || Callee->getName() == "forward"))
        return referencedVariable(Call->getArg(0));
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  return Ref ? Ref->getDecl() : nullptr;
}

SourceLocation reportLocation(const Expr &Call, const SourceManager &SM) {
  SourceLocation Loc =
      isa<CXXMemberCallExpr>(Call) ? Call.getExprLoc() : Call.getBeginLoc();
  return SM.getExpansionLoc(Loc);
}

} // namespace coro_tidy
