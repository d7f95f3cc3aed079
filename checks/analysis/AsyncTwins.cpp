//===----------------------------------------------------------------------===//

#include "analysis/AsyncTwins.h"
#include "catalog/Frameworks.h"
#include "utils/CallSites.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace coro_tidy {

using namespace clang;

namespace {

bool returnsAwaitable(const NamedDecl &Candidate,
                      const LoadedCatalog &Catalog) {
  const NamedDecl *Decl = &Candidate;
  if (const auto *Template = dyn_cast<FunctionTemplateDecl>(Decl))
    Decl = Template->getTemplatedDecl();
  const auto *Function = dyn_cast<FunctionDecl>(Decl);
  return Function && isAwaitableType(Function->getReturnType(), Catalog);
}

/// True if \p Branch contains a co_await of a call to \p Twin.
bool awaitsTwin(const Stmt *Branch, const NamedDecl &Twin) {
  class Finder : public RecursiveASTVisitor<Finder> {
  public:
    explicit Finder(const NamedDecl &Twin) : Twin(Twin) {}
    bool Found = false;
    bool VisitCoawaitExpr(CoawaitExpr *Await) {
      if (const Expr *Operand = Await->getOperand())
        if (const auto *Call = dyn_cast<CallExpr>(Operand->IgnoreImplicit()))
          if (const FunctionDecl *Callee = Call->getDirectCallee()) {
            const NamedDecl *Named = Callee;
            if (const FunctionTemplateDecl *Template =
                    Callee->getPrimaryTemplate())
              Named = Template;
            Found |= Named->getCanonicalDecl() == Twin.getCanonicalDecl();
          }
      return !Found;
    }

  private:
    const NamedDecl &Twin;
  };
  if (!Branch)
    return false;
  Finder F(Twin);
  F.TraverseStmt(const_cast<Stmt *>(Branch));
  return F.Found;
}

/// The branch beside \p Here, if \p Here is one of the two.
const Stmt *otherBranch(const Stmt *Here, const Stmt *A, const Stmt *B) {
  if (Here == A)
    return B;
  return Here == B ? A : nullptr;
}

} // namespace

const NamedDecl *findAsyncTwin(const FunctionDecl &Sync,
                               const LoadedCatalog &Catalog) {
  if (!Sync.getIdentifier())
    return nullptr;
  const std::string Name = Sync.getName().str();
  const DeclContext *Scope = Sync.getDeclContext()->getRedeclContext();
  ASTContext &Context = Sync.getASTContext();
  for (const NamedDecl *Twin :
       Scope->lookup(&Context.Idents.get("async_" + Name)))
    if (isa<FunctionTemplateDecl>(Twin) || returnsAwaitable(*Twin, Catalog))
      return Twin;
  for (const std::string &TwinName :
       {Name + "_async", Name + "Async", "co_" + Name})
    for (const NamedDecl *Twin : Scope->lookup(&Context.Idents.get(TwinName)))
      if (returnsAwaitable(*Twin, Catalog))
        return Twin;
  return nullptr;
}

bool isBranchOfTwinDispatch(const Expr &Call, const NamedDecl &Twin,
                            ASTContext &Context) {
  DynTypedNode Child = DynTypedNode::create(Call);
  for (int Depth = 0; Depth < 16; ++Depth) {
    DynTypedNodeList Parents = Context.getParents(Child);
    if (Parents.empty())
      return false;
    const DynTypedNode &Parent = Parents[0];
    const Stmt *Here = Child.get<Stmt>();
    if (const auto *If = Parent.get<IfStmt>()) {
      if (awaitsTwin(otherBranch(Here, If->getThen(), If->getElse()), Twin))
        return true;
    } else if (const auto *Conditional = Parent.get<ConditionalOperator>()) {
      if (awaitsTwin(otherBranch(Here, Conditional->getTrueExpr(),
                                 Conditional->getFalseExpr()),
                     Twin))
        return true;
    } else if (Parent.get<Decl>()) {
      return false; // left the function
    }
    Child = Parent;
  }
  return false;
}

} // namespace coro_tidy
