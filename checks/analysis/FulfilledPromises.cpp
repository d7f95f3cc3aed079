//===----------------------------------------------------------------------===//

#include "analysis/FulfilledPromises.h"
#include "utils/CallSites.h"
#include "utils/QualifiedNames.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace coro_tidy {

using namespace clang;

namespace {

/// The local variable \p Object names, if it does.
const VarDecl *localNamedBy(const Expr *Object) {
  const auto *Var = dyn_cast_or_null<VarDecl>(declNamedBy(Object));
  return Var && Var->isLocalVarDecl() ? Var : nullptr;
}

/// The local promise \p Made is a member call on (`p.get_awaitable()`).
const VarDecl *madeFrom(const Expr *Made) {
  const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(
      Made ? Made->IgnoreImplicit()->IgnoreParenImpCasts() : nullptr);
  return Call ? localNamedBy(Call->getImplicitObjectArgument()) : nullptr;
}

/// The values a local is given in \p Body: its initializer (unless it is
/// default-constructed) and every assignment.
class LocalValues : public RecursiveASTVisitor<LocalValues> {
public:
  explicit LocalValues(const VarDecl &Var) : Var(Var) {}
  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->isAssignmentOp() && localNamedBy(Op->getLHS()) == &Var)
      Values.push_back(Op->getRHS());
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
    if (Op->isAssignmentOp() && Op->getNumArgs() == 2 &&
        localNamedBy(Op->getArg(0)) == &Var)
      Values.push_back(Op->getArg(1));
    return true;
  }
  const VarDecl &Var;
  llvm::SmallVector<const Expr *, 2> Values;
};

bool isDefaultConstruction(const Expr *Init) {
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(
      Init ? Init->IgnoreImplicit() : nullptr);
  return Construct && Construct->getNumArgs() == 0;
}

/// The promise the object \p Object waits on was made from.
const VarDecl *promiseOf(const Expr *Object, const Stmt &Body) {
  if (const VarDecl *Promise = madeFrom(Object))
    return Promise;
  const VarDecl *Handle = localNamedBy(Object);
  if (!Handle)
    return nullptr;
  LocalValues Given(*Handle);
  Given.TraverseStmt(const_cast<Stmt *>(&Body));
  if (!isDefaultConstruction(Handle->getInit()))
    Given.Values.push_back(Handle->getInit());
  const VarDecl *Promise = nullptr;
  for (const Expr *Value : Given.Values) {
    const VarDecl *From = madeFrom(Value);
    if (!From || (Promise && From != Promise))
      return nullptr;
    Promise = From;
  }
  return Promise;
}

/// True if \p S is a call of one of \p Fulfils on \p Promise.
bool fulfils(const Stmt *S, const VarDecl &Promise,
             llvm::ArrayRef<std::string> Fulfils) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(
      E ? E->IgnoreImplicit()->IgnoreParenImpCasts() : nullptr);
  return Call && Call->getMethodDecl() &&
         localNamedBy(Call->getImplicitObjectArgument()) == &Promise &&
         llvm::is_contained(Fulfils, catalogName(*Call->getMethodDecl()));
}

} // namespace

bool isFulfilledBefore(const Expr &Wait, llvm::ArrayRef<std::string> Fulfils,
                       ASTContext &Context) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Wait);
  if (!Member || Fulfils.empty())
    return false;
  // Up from the wait: each block around it, to the function's body.
  llvm::SmallVector<std::pair<const CompoundStmt *, const Stmt *>, 8> Blocks;
  DynTypedNode Node = DynTypedNode::create(Wait);
  while (true) {
    DynTypedNodeList Parents = Context.getParents(Node);
    // Up through the local a wait initializes (`int V = a.sync_wait();`,
    // an if's init-statement), not out of the function.
    const auto *Var = Parents.empty() ? nullptr : Parents[0].get<VarDecl>();
    if (Parents.empty() ||
        (Parents[0].get<Decl>() && !(Var && Var->isLocalVarDecl())) ||
        Parents[0].get<LambdaExpr>())
      break;
    if (const auto *Block = Parents[0].get<CompoundStmt>())
      Blocks.push_back({Block, Node.get<Stmt>()});
    Node = Parents[0];
  }
  if (Blocks.empty())
    return false;
  const VarDecl *Promise =
      promiseOf(Member->getImplicitObjectArgument(), *Blocks.back().first);
  if (!Promise)
    return false;
  return llvm::any_of(Blocks, [&](const auto &Entry) {
    for (const Stmt *Before : Entry.first->body()) {
      if (Before == Entry.second)
        return false;
      if (fulfils(Before, *Promise, Fulfils))
        return true;
    }
    return false;
  });
}

} // namespace coro_tidy
