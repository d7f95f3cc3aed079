//===----------------------------------------------------------------------===//

#include "analysis/evidence/HostEvidence.h"
#include "catalog/Conditions.h"
#include "utils/CallSites.h"
#include "utils/Declarations.h"
#include "utils/HostNames.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

namespace coro_tidy {

using namespace clang;

namespace {

/// A number formats to digits: it cannot make a name. A character can.
bool isNumber(QualType Type) {
  return (Type->isIntegralOrEnumerationType() || Type->isRealFloatingType()) &&
         !Type->isAnyCharacterType();
}

/// True if \p D is written in the main file, not in a header: no other
/// file can see its definition.
bool isInMainFile(const Decl &D, const SourceManager &SM) {
  return SM.isInMainFile(SM.getExpansionLoc(D.getLocation()));
}

/// True if every use of \p D is among the traversed writes: all of them
/// are traversed, or \p D is in the main file, whose declarations are
/// (coro-clangd traverses those only, and no header can name \p D).
bool usesAreTraversed(const Decl &D, const ValueWrites &Writes,
                      const SourceManager &SM) {
  return Writes.isComplete() || isInMainFile(D, SM);
}

/// True if no other translation unit can call \p Function: it has internal
/// linkage, or it is inline (a template instantiation, a member of a class)
/// and defined in the main file. An inline function of a header is called
/// from other files too, with other values.
bool callersAreAllHere(const FunctionDecl &Function, const ValueWrites &Writes,
                       const SourceManager &SM) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Function);
  if ((Method && Method->isVirtual()) ||
      !usesAreTraversed(Function, Writes, SM) ||
      Writes.isAddressTaken(Function))
    return false;
  if (!Function.isExternallyVisible())
    return true;
  if (Method)
    return isInMainFile(*Method->getParent(), SM);
  return (Function.isInlined() || Function.isTemplateInstantiation()) &&
         isInMainFile(Function, SM);
}

/// True if every write of \p Field is in this translation unit: its class
/// has internal linkage or is defined in the main file, or the field is not
/// public and every function that may write it (each constructor, method
/// and friend of the class) has its body here.
bool writersAreAllHere(const FieldDecl &Field, const ValueWrites &Writes,
                       const SourceManager &SM) {
  const RecordDecl *Owner = Field.getParent();
  if (!usesAreTraversed(*Owner, Writes, SM))
    return false;
  if (!Owner->isExternallyVisible() || isInMainFile(*Owner, SM))
    return true;
  const auto *Class = dyn_cast<CXXRecordDecl>(Owner);
  if (!Class || Field.getAccess() == AS_public || Class->hasFriends())
    return false;
  return llvm::all_of(Class->methods(), [](const CXXMethodDecl *Method) {
    const FunctionDecl *Definition = Method->getDefinition();
    return Method->isImplicit() || Method->isDeleted() ||
           Method->isPureVirtual() || (Definition && Definition->hasBody());
  });
}

/// True if \p Value is \p Field of another object, copied or moved (an
/// implicit copy constructor's initializer): it brings no value of its own.
bool copiesField(const Expr *Value, const FieldDecl &Field) {
  Value = Value->IgnoreImplicit()->IgnoreParenImpCasts();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Value))
    if (Construct->getNumArgs() == 1 &&
        Construct->getConstructor()->isCopyOrMoveConstructor())
      return copiesField(Construct->getArg(0), Field);
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Value))
    return copiesField(Cast->getSubExpr(), Field);
  if (const auto *Call = dyn_cast<CallExpr>(Value)) // std::move(other.f)
    if (Call->isCallToStdMove() && Call->getNumArgs() == 1)
      return copiesField(Call->getArg(0), Field);
  const auto *Member = dyn_cast<MemberExpr>(Value);
  return Member && Member->getMemberDecl() == &Field;
}

/// The values \p Function returns, outside the lambdas it defines.
class ReturnedValues : public RecursiveASTVisitor<ReturnedValues> {
public:
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitReturnStmt(ReturnStmt *Return) {
    Values.push_back(Return->getRetValue());
    return true;
  }
  llvm::SmallVector<const Expr *, 4> Values;
};

} // namespace

bool HostEvidence::isNumericOnly(const Expr &Host) {
  if (isLiteralNumericHost(Host))
    return true;
  if (!Writes)
    Writes = std::make_unique<ValueWrites>(Context);
  Visiting.clear();
  const bool Result = derives(&Host);
  // Every declaration this query met was shown to derive from numbers
  // only; a failed query settled its failures as it went.
  if (Result)
    Numeric.insert(Visiting.begin(), Visiting.end());
  return Result;
}

bool HostEvidence::once(const Decl &Key, llvm::function_ref<bool()> Compute) {
  if (Numeric.contains(&Key))
    return true;
  if (NotNumeric.contains(&Key))
    return false;
  if (!Visiting.insert(&Key).second)
    return true;
  if (Compute())
    return true;
  NotNumeric.insert(&Key);
  return false;
}

bool HostEvidence::derives(const Expr *E) {
  if (!E)
    return false;
  if (isLiteralNumericHost(*E))
    return true;
  E = E->IgnoreImplicit()->IgnoreParenImpCasts();
  if (isNumber(E->getType()))
    return true;
  // A listen address with its port ("127.0.0.1:0") is split before any
  // lookup, which would not accept the pair.
  if (const auto *Literal = dyn_cast<StringLiteral>(E))
    return Literal->getCharByteWidth() == 1 &&
           isNumericHostAndPort(Literal->getString());
  if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(E))
    return derives(Default->getExpr());
  if (const auto *Default = dyn_cast<CXXDefaultInitExpr>(E))
    return derives(Default->getExpr());
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return derivesDecl(*Ref->getDecl());
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return isa<FieldDecl>(Member->getMemberDecl()) &&
           derivesDecl(*Member->getMemberDecl());
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
    return derives(Cast->getSubExpr());
  if (const auto *Choice = dyn_cast<AbstractConditionalOperator>(E))
    return derives(Choice->getTrueExpr()) && derives(Choice->getFalseExpr());
  if (const auto *Binary = dyn_cast<BinaryOperator>(E))
    return (Binary->isCommaOp() || Binary->isAssignmentOp() ||
            derives(Binary->getLHS())) &&
           derives(Binary->getRHS());
  if (const auto *List = dyn_cast<InitListExpr>(E))
    return llvm::all_of(List->inits(),
                        [&](const Expr *I) { return derives(I); });
  if (const auto *List = dyn_cast<CXXParenListInitExpr>(E))
    return llvm::all_of(List->getInitExprs(),
                        [&](const Expr *I) { return derives(I); });
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    // A default-constructed string is empty; another class made from
    // nothing may hold anything.
    if (Construct->getNumArgs() == 0)
      return isInStandardLibrary(*Construct->getConstructor());
    return llvm::all_of(Construct->arguments(),
                        [&](const Expr *A) { return derives(A); });
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return derivesCall(*Call);
  return false;
}

bool HostEvidence::derivesCall(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return false;
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  // The library makes strings from its operands only: copies, substrings,
  // conversions, std::to_string.
  if (isInStandardLibrary(*Callee))
    return (!Member || derives(Member->getImplicitObjectArgument())) &&
           llvm::all_of(Call.arguments(),
                        [&](const Expr *A) { return derives(A); });
  // A function of the project returns what its returns derive from; its
  // parameters derive from the arguments of all its calls, this one among
  // them, and its fields from all their writes.
  const FunctionDecl *Definition = Callee->getDefinition();
  return Definition && Definition->hasBody() && derivesReturns(*Definition);
}

bool HostEvidence::derivesReturns(const FunctionDecl &Function) {
  return once(Function, [&] {
    ReturnedValues Returned;
    Returned.TraverseStmt(Function.getBody());
    return !Returned.Values.empty() &&
           llvm::all_of(Returned.Values,
                        [&](const Expr *Value) { return derives(Value); });
  });
}

bool HostEvidence::derivesDecl(const ValueDecl &Decl) {
  if (isNumber(Decl.getType()))
    return true;
  return once(Decl, [&] {
    if (Writes->escapes(Decl))
      return false;
    if (const auto *Param = dyn_cast<ParmVarDecl>(&Decl))
      return derivesWrites(Decl) && derivesParameter(*Param);
    // An empty set of writes proves nothing, nor do copies of the field
    // from other objects alone (whoever made the first one set it).
    if (const auto *Field = dyn_cast<FieldDecl>(&Decl))
      return writersAreAllHere(*Field, *Writes, Context.getSourceManager()) &&
             llvm::any_of(Writes->writesOf(Decl),
                          [&](const Expr *Value) {
                            return !copiesField(Value, *Field);
                          }) &&
             derivesWrites(Decl);
    const auto *Var = dyn_cast<VarDecl>(&Decl);
    if (!Var || !Var->getInit())
      return false;
    // A global another translation unit may write is out of sight, and
    // so are the writes of one whose uses are not all traversed.
    if (!Var->hasLocalStorage() &&
        ((Var->isExternallyVisible() && !Var->getType().isConstQualified()) ||
         !usesAreTraversed(*Var, *Writes, Context.getSourceManager())))
      return false;
    return derivesWrites(Decl);
  });
}

bool HostEvidence::derivesWrites(const ValueDecl &Decl) {
  return llvm::all_of(Writes->writesOf(Decl),
                      [&](const Expr *Value) { return derives(Value); });
}

bool HostEvidence::derivesParameter(const ParmVarDecl &Param) {
  const auto *Function = dyn_cast<FunctionDecl>(Param.getDeclContext());
  if (!Function ||
      !callersAreAllHere(*Function, *Writes, Context.getSourceManager()))
    return false;
  const unsigned Index = Param.getFunctionScopeIndex();
  // A function this translation unit never calls proves nothing of its
  // parameters.
  llvm::ArrayRef<const Expr *> Calls = Writes->callsOf(*Function);
  return !Calls.empty() && llvm::all_of(Calls, [&](const Expr *Call) {
    llvm::ArrayRef<const Expr *> Args = parameterArguments(*Call);
    return Index < Args.size() && derives(Args[Index]);
  });
}

} // namespace coro_tidy
