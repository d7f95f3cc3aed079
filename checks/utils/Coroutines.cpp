//===----------------------------------------------------------------------===//

#include "utils/Coroutines.h"
#include "utils/LocalBodyVisitor.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace coro_tidy {

using namespace clang;

namespace {

class CoroutineKeywordFinder : public LocalBodyVisitor<CoroutineKeywordFinder> {
public:
  CoroutineKeywords Found;
  bool VisitCoawaitExpr(CoawaitExpr *Await) {
    Found.Awaits |= !Await->isImplicit();
    return true;
  }
  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *) {
    Found.Awaits = true;
    return true;
  }
  bool VisitCoyieldExpr(CoyieldExpr *) {
    Found.Yields = true;
    return true;
  }
  bool VisitCoreturnStmt(CoreturnStmt *) {
    Found.Returns = true;
    return true;
  }
};

bool hasBody(const FunctionDecl *FD) { return FD && FD->hasBody(); }

/// A member of a class template pattern with an instantiation that has a
/// body.
bool hasInstantiatedMember(const CXXMethodDecl &Method) {
  const ClassTemplateDecl *Template =
      Method.getParent()->getDescribedClassTemplate();
  if (!Template)
    return false;
  const Decl *Pattern = Method.getCanonicalDecl();
  for (const ClassTemplateSpecializationDecl *Specialization :
       Template->specializations())
    for (const CXXMethodDecl *Instance : Specialization->methods())
      if (const FunctionDecl *From =
              Instance->getInstantiatedFromMemberFunction())
        if (From->getCanonicalDecl() == Pattern && hasBody(Instance))
          return true;
  return false;
}

} // namespace

CoroutineKeywords findCoroutineKeywords(const Stmt *Body) {
  CoroutineKeywordFinder Finder;
  Finder.TraverseStmt(const_cast<Stmt *>(Body));
  return Finder.Found;
}

bool isCoroutine(const FunctionDecl &FD) {
  const Stmt *Body = FD.getBody();
  if (!Body)
    return false;
  if (isa<CoroutineBodyStmt>(Body))
    return true;
  if (!FD.isDependentContext())
    return false;
  const CoroutineKeywords Keywords = findCoroutineKeywords(Body);
  return Keywords.Awaits || Keywords.Yields || Keywords.Returns;
}

const Stmt *userWrittenBody(const FunctionDecl &FD) {
  const Stmt *Body = FD.getBody();
  if (const auto *CoroBody = dyn_cast_or_null<CoroutineBodyStmt>(Body))
    return CoroBody->getBody();
  return Body;
}

bool isSuspensionPoint(const Stmt &S) {
  if (const auto *Await = dyn_cast<CoawaitExpr>(&S))
    return !Await->isImplicit();
  return isa<DependentCoawaitExpr, CoyieldExpr>(S);
}

const Expr *awaitedCall(const Stmt &Suspension) {
  const Expr *Operand = nullptr;
  if (const auto *Await = dyn_cast<CoroutineSuspendExpr>(&Suspension))
    Operand = Await->getOperand();
  else if (const auto *Dependent = dyn_cast<DependentCoawaitExpr>(&Suspension))
    Operand = Dependent->getOperand();
  Operand = Operand ? Operand->IgnoreImplicit() : nullptr;
  return isa_and_nonnull<CallExpr, CXXConstructExpr>(Operand) ? Operand
                                                              : nullptr;
}

std::string describeFunction(const FunctionDecl &FD, StringRef Kind) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&FD))
    if (Method->getParent()->isLambda())
      return Kind == "coroutine" ? "coroutine lambda" : "lambda";
  return Kind.str() + " '" + FD.getNameAsString() + "'";
}

bool hasInstantiatedBodies(const FunctionDecl &FD) {
  if (!FD.isDependentContext())
    return false;
  if (const FunctionTemplateDecl *Template = FD.getDescribedFunctionTemplate())
    return llvm::any_of(Template->specializations(), hasBody);
  const auto *Method = dyn_cast<CXXMethodDecl>(&FD);
  if (Method && !Method->getParent()->isLambda() &&
      hasInstantiatedMember(*Method))
    return true;
  // A lambda or a local class in a template: its enclosing function.
  for (const DeclContext *DC = FD.getDeclContext(); DC; DC = DC->getParent())
    if (const auto *Outer = dyn_cast<FunctionDecl>(DC))
      return hasInstantiatedBodies(*Outer);
  return false;
}

} // namespace coro_tidy
