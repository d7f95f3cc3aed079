//===----------------------------------------------------------------------===//

#include "analysis/evidence/ValueWrites.h"
#include "utils/CallSites.h"
#include "utils/Declarations.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace coro_tidy {

using namespace clang;

namespace {

bool isNonConstLValueReference(QualType Type) {
  return Type->isLValueReferenceType() &&
         !Type->getPointeeType().isConstQualified();
}

/// True if a value of \p Type lets its holder write into another object: a
/// non-const reference or pointer, or an iterator.
bool exposesStorage(QualType Type) {
  if (isNonConstLValueReference(Type))
    return true;
  if (Type->isPointerType())
    return !Type->getPointeeType().isConstQualified();
  const auto *Record = Type->getAsCXXRecordDecl();
  return Record && Record->getIdentifier() &&
         Record->getName().contains_insensitive("iterator");
}

} // namespace

class ValueWritesBuilder : public RecursiveASTVisitor<ValueWritesBuilder> {
public:
  explicit ValueWritesBuilder(ValueWrites &Facts) : Facts(Facts) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  // A template's own body never runs: its instantiations run, and are
  // visited in its place.
  bool TraverseDecl(Decl *D) {
    const auto *Function = dyn_cast_or_null<FunctionDecl>(D);
    if (Function && Function->isDependentContext())
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  // Code of a template that depends on its arguments runs only as its
  // instantiations, which are visited in its place.
  bool dataTraverseStmtPre(Stmt *S) {
    const auto *E = dyn_cast<Expr>(S);
    return !E || !E->isInstantiationDependent();
  }
  bool VisitVarDecl(VarDecl *Var) {
    const Expr *Init = Var->getInit();
    if (!isa<ParmVarDecl>(Var) && Init && !Init->isInstantiationDependent())
      Facts.Writes[Var].push_back(Init);
    return true;
  }
  bool VisitFieldDecl(FieldDecl *Field) {
    const Expr *Init = Field->getInClassInitializer();
    if (Init && !Init->isInstantiationDependent())
      Facts.Writes[Field].push_back(Init);
    return true;
  }
  bool VisitCXXConstructorDecl(CXXConstructorDecl *Ctor) {
    if (Ctor->isDependentContext())
      return true;
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (const FieldDecl *Member = Init->getMember())
        Facts.Writes[Member].push_back(Init->getInit());
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->isAssignmentOp())
      write(*Op->getLHS(), Op->getRHS());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *Op) {
    if (Op->getOpcode() == UO_AddrOf)
      escape(*Op->getSubExpr());
    return true;
  }
  bool VisitInitListExpr(InitListExpr *List) {
    if (!List->isSemanticForm())
      return true;
    if (const FieldDecl *Member = List->getInitializedFieldInUnion()) {
      if (List->getNumInits() == 1)
        Facts.Writes[Member].push_back(List->getInit(0));
      return true;
    }
    aggregate(List->getType(), List->inits());
    return true;
  }
  bool VisitCXXParenListInitExpr(CXXParenListInitExpr *List) {
    aggregate(List->getType(), List->getInitExprs());
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    Facts.Calls[Ctor->getCanonicalDecl()].push_back(Construct);
    escapeThroughParameters(*Ctor, parameterArguments(*Construct));
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    if (const auto *Ref =
            dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts()))
      CalleeRefs.insert(Ref);
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return true;
    Facts.Calls[Callee->getCanonicalDecl()].push_back(Call);
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call))
      if (Operator->isAssignmentOp() && Operator->getNumArgs() == 2)
        write(*Operator->getArg(0), Operator->getArg(1));
    if (!isStdMoveOrForward(*Call))
      escapeThroughParameters(*Callee, parameterArguments(*Call));
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    const Expr *Object = Call->getImplicitObjectArgument();
    if (!Method || !Object || Method->isConst() || isa<CXXThisExpr>(Object))
      return true;
    // A library object modified in place (`s.append(x)`) holds what the
    // call derives from, unless the call hands out a way to write into it
    // (`s.data()`, `s[0]`, an iterator); a user method writes fields, seen
    // where it does.
    if (!isInStandardLibrary(*Method))
      return true;
    if (exposesStorage(Method->getReturnType()))
      escape(*Object);
    else
      write(*Object, Call);
    return true;
  }
  // A non-const array decays to a pointer anything may write through.
  bool VisitImplicitCastExpr(ImplicitCastExpr *Cast) {
    if (Cast->getCastKind() == CK_ArrayToPointerDecay &&
        !Cast->getType()->getPointeeType().isConstQualified())
      escape(*Cast->getSubExpr());
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (isa<FunctionDecl>(Ref->getDecl()))
      FunctionRefs.push_back(Ref);
    return true;
  }

  /// Settles what needed every body: escapes through reference parameters,
  /// and the functions named other than as a callee (address taken).
  void finish() {
    escapeThroughBindings();
    for (const DeclRefExpr *Ref : FunctionRefs)
      if (!CalleeRefs.contains(Ref))
        Facts.AddressTaken.insert(
            cast<FunctionDecl>(Ref->getDecl())->getCanonicalDecl());
  }

private:
  void write(const Expr &Target, const Expr *Value) {
    for (const ValueDecl *Decl : ValueWrites::writtenBy(Target))
      Facts.Writes[Decl].push_back(Value);
  }
  void escape(const Expr &Target) {
    for (const ValueDecl *Decl : ValueWrites::writtenBy(Target))
      Facts.Escaped.insert(Decl);
  }
  /// An argument bound to a non-const reference escapes, unless the body
  /// here shows the parameter is neither written nor escapes (a logger's
  /// `operator<<(T &&)`): decided in finish(), once every body is seen.
  void escapeThroughParameters(const FunctionDecl &Callee,
                               llvm::ArrayRef<const Expr *> Args) {
    const FunctionDecl *Definition = Callee.getDefinition();
    const auto *Method = dyn_cast<CXXMethodDecl>(&Callee);
    if (Definition &&
        (!Definition->hasBody() || (Method && Method->isVirtual())))
      Definition = nullptr;
    const unsigned Count =
        std::min<unsigned>(Callee.getNumParams(), Args.size());
    for (unsigned I = 0; I < Count; ++I) {
      if (!isNonConstLValueReference(Callee.getParamDecl(I)->getType()))
        continue;
      if (Definition)
        Bindings.emplace_back(Definition->getParamDecl(I), Args[I]);
      else
        escape(*Args[I]);
    }
  }
  /// Arguments whose reference parameter is written or escapes escape,
  /// through any number of calls that pass the reference on.
  void escapeThroughBindings() {
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (auto &[Param, Arg] : Bindings) {
        if (!Arg ||
            (!Facts.Escaped.contains(Param) && !Facts.Writes.count(Param)))
          continue;
        escape(*Arg);
        Arg = nullptr;
        Changed = true;
      }
    }
  }
  void aggregate(QualType Type, llvm::ArrayRef<Expr *> Inits) {
    const auto *Record = Type->getAsCXXRecordDecl();
    if (!Record || !Record->hasDefinition())
      return;
    if (Record->isUnion()) {
      for (const FieldDecl *Field : Record->fields())
        Facts.Escaped.insert(Field);
      return;
    }
    // Bases come first in a C++17 aggregate's initializer list.
    size_t Index = Record->getNumBases();
    // Unnamed bit-fields take no initializer.
    for (const FieldDecl *Field : Record->fields()) {
      if (Index >= Inits.size())
        break;
      if (!Field->isUnnamedBitField())
        Facts.Writes[Field].push_back(Inits[Index++]);
    }
  }

  ValueWrites &Facts;
  llvm::SmallVector<const DeclRefExpr *, 64> FunctionRefs;
  llvm::DenseSet<const DeclRefExpr *> CalleeRefs;
  std::vector<std::pair<const ParmVarDecl *, const Expr *>> Bindings;
};

ValueWrites::ValueWrites(ASTContext &Context) {
  const std::vector<Decl *> Scope = Context.getTraversalScope();
  Complete = Scope.size() == 1 && isa<TranslationUnitDecl>(Scope.front());
  ValueWritesBuilder Builder(*this);
  Builder.TraverseAST(Context);
  Builder.finish();
}

llvm::ArrayRef<const Expr *>
ValueWrites::writesOf(const ValueDecl &Decl) const {
  auto Found = Writes.find(&Decl);
  return Found == Writes.end() ? llvm::ArrayRef<const Expr *>()
                               : llvm::ArrayRef<const Expr *>(Found->second);
}

llvm::ArrayRef<const Expr *>
ValueWrites::callsOf(const FunctionDecl &Function) const {
  auto Found = Calls.find(Function.getCanonicalDecl());
  return Found == Calls.end() ? llvm::ArrayRef<const Expr *>()
                              : llvm::ArrayRef<const Expr *>(Found->second);
}

llvm::SmallVector<const ValueDecl *, 2>
ValueWrites::writtenBy(const Expr &Target) {
  llvm::SmallVector<const ValueDecl *, 2> Written;
  const Expr *E = &Target;
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
        Written.push_back(Field);
      E = Member->isArrow() ? nullptr : Member->getBase();
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        Written.push_back(Var);
      E = nullptr;
    } else if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E)) {
      E = Subscript->getBase();
    } else if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(E)) {
      // s[i], *it: the object the element belongs to.
      E = Operator->getNumArgs() > 0 ? Operator->getArg(0) : nullptr;
    } else if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
      E = Unary->getOpcode() == UO_Deref ? Unary->getSubExpr() : nullptr;
    } else {
      E = nullptr;
    }
  }
  return Written;
}

} // namespace coro_tidy
