//===----------------------------------------------------------------------===//

#include "catalog/CallMatcher.h"
#include "utils/CallSites.h"
#include "utils/CoroutineMatchers.h"
#include "utils/HostNames.h"
#include "utils/QualifiedNames.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace coro_tidy {

using namespace clang;

namespace {

/// A call reduced to what the catalog matches on.
struct CallShape {
  llvm::SmallVector<std::string, 4> CandidateNames;
  llvm::SmallVector<const Expr *, 6> Operands; // arguments and the object
  bool IsConstruction = false;
  bool IsMethod = false;
  /// A call in an uninstantiated template that lookup could not resolve:
  /// every candidate must be an entry for the call to match.
  bool Unresolved = false;
};

const CXXRecordDecl *classOf(const Expr &Object) {
  QualType Type = Object.getType();
  if (const auto *Pointer = Type->getAs<PointerType>())
    Type = Pointer->getPointeeType();
  return Type->getAsCXXRecordDecl();
}

/// "C::method" for the object's class and every base between it and the
/// declaring class, most derived first, so that an entry for a derived class
/// wins over one for its base.
void addMethodNames(const CXXMethodDecl &Method, const CXXRecordDecl *Object,
                    CallShape &Shape) {
  const CXXRecordDecl *Declaring = Method.getParent();
  const std::string Suffix = "::" + Method.getNameAsString();
  llvm::SmallVector<const CXXRecordDecl *, 8> Work;
  if (Object && Object->hasDefinition())
    Work.push_back(Object);
  while (!Work.empty()) {
    const CXXRecordDecl *Class = Work.front();
    Work.erase(Work.begin()); // breadth first: nearer classes first
    if (Class->getCanonicalDecl() == Declaring->getCanonicalDecl())
      continue;
    if (!Class->isDerivedFrom(Declaring))
      continue;
    std::string Name = catalogName(*Class) + Suffix;
    if (!llvm::is_contained(Shape.CandidateNames, Name))
      Shape.CandidateNames.push_back(std::move(Name));
    for (const CXXBaseSpecifier &Base : Class->bases())
      if (const CXXRecordDecl *BaseClass = Base.getType()->getAsCXXRecordDecl())
        if (BaseClass->hasDefinition())
          Work.push_back(BaseClass);
  }
  Shape.CandidateNames.push_back(catalogName(Method));
}

/// True for a function of the global namespace with C++ language linkage
/// declared outside system headers: the user's own, never a library's.
bool isGlobalCppFunction(const FunctionDecl &Function) {
  const SourceManager &SM = Function.getASTContext().getSourceManager();
  return Function.getDeclContext()->getRedeclContext()->isTranslationUnit() &&
         !Function.isExternC() &&
         !SM.isInSystemHeader(Function.getCanonicalDecl()->getLocation());
}

/// The shape of a dependent call in a template whose candidates lookup
/// knows all of (qualified, or unqualified without argument-dependent
/// lookup still to come).
std::optional<CallShape> unresolvedShape(const CallExpr &Call,
                                         CallShape Shape) {
  const auto *Lookup =
      dyn_cast<UnresolvedLookupExpr>(Call.getCallee()->IgnoreImplicit());
  if (!Lookup || Lookup->requiresADL() || Lookup->getNumDecls() == 0)
    return std::nullopt;
  for (const NamedDecl *Candidate : Lookup->decls()) {
    const NamedDecl *Target = Candidate->getUnderlyingDecl();
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(Target))
      Target = Template->getTemplatedDecl();
    if (!isa<FunctionDecl>(Target) || isa<CXXMethodDecl>(Target) ||
        isGlobalCppFunction(*cast<FunctionDecl>(Target)))
      return std::nullopt;
    std::string Name = catalogName(*Target);
    if (!llvm::is_contained(Shape.CandidateNames, Name))
      Shape.CandidateNames.push_back(std::move(Name));
  }
  Shape.Unresolved = true;
  return Shape;
}

std::optional<CallShape> shapeOf(const Expr &Call) {
  CallShape Shape;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Call)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    // Default, copy and move construction do no work worth reporting.
    if (!Ctor || Ctor->isDefaultConstructor() ||
        Ctor->isCopyOrMoveConstructor())
      return std::nullopt;
    Shape.IsConstruction = true;
    Shape.CandidateNames.push_back(catalogName(*Ctor->getParent()));
    llvm::append_range(Shape.Operands, Construct->arguments());
    return Shape;
  }
  const auto *CallE = dyn_cast<CallExpr>(&Call);
  if (!CallE)
    return std::nullopt;
  llvm::append_range(Shape.Operands, CallE->arguments());
  const FunctionDecl *Callee = CallE->getDirectCallee();
  if (!Callee)
    return unresolvedShape(*CallE, std::move(Shape));
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if (!Method || Method->isStatic()) {
    // The catalog's global functions are C APIs (sleep, read, PQexec) and
    // libraries' (qScopeGuard): the user's own function of the same name in
    // the global namespace is not one.
    if (!Method && isGlobalCppFunction(*Callee))
      return std::nullopt;
    Shape.CandidateNames.push_back(catalogName(*Callee));
    return Shape;
  }
  Shape.IsMethod = true;
  const Expr *Object = nullptr;
  if (const auto *Functor = dyn_cast<CXXOperatorCallExpr>(CallE))
    if (Functor->getOperator() == OO_Call)
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Functor->getArg(0)->IgnoreParenImpCasts()))
        if (const auto *Object = dyn_cast<VarDecl>(Ref->getDecl()))
          if (Object->getDeclContext()->isFileContext())
            Shape.CandidateNames.push_back(catalogName(*Object));
  if (const auto *MemberCall = dyn_cast<CXXMemberCallExpr>(CallE)) {
    Object = MemberCall->getImplicitObjectArgument();
    if (Object)
      Shape.Operands.push_back(Object);
  } else if (isa<CXXOperatorCallExpr>(CallE) && CallE->getNumArgs() > 0) {
    Object = CallE->getArg(0); // already among the operands
  }
  addMethodNames(*Method,
                 Object ? classOf(*Object->IgnoreParenImpCasts()) : nullptr,
                 Shape);
  return Shape;
}

/// True if \p Class is named \p Name, or for "Outer<Inner>" is a
/// specialization of Outer with a type argument of class Inner
/// ("asio::executor_binder<asio::thread_pool::basic_executor_type>").
bool classIs(const CXXRecordDecl &Class, StringRef Name) {
  const std::string ClassName = catalogName(Class);
  if (!Name.ends_with(">"))
    return ClassName == Name;
  const std::pair<StringRef, StringRef> Parts = Name.drop_back().split('<');
  const StringRef Outer = Parts.first, Inner = Parts.second;
  const auto *Specialization =
      dyn_cast<ClassTemplateSpecializationDecl>(&Class);
  if (ClassName != Outer || !Specialization)
    return false;
  return llvm::any_of(Specialization->getTemplateArgs().asArray(),
                      [&](const TemplateArgument &Arg) {
                        return Arg.getKind() == TemplateArgument::Type &&
                               typeName(Arg.getAsType()) == Inner;
                      });
}

/// True if \p Operand is one of \p Names: a variable of that name, or an
/// expression whose class type has that name.
bool operandIsOneOf(const Expr &Operand, llvm::ArrayRef<std::string> Names) {
  const Expr *E = Operand.IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      if (llvm::is_contained(Names, catalogName(*Var)))
        return true;
  const CXXRecordDecl *Class = classOf(*E);
  return Class && llvm::any_of(Names, [&](const std::string &Name) {
           return classIs(*Class, Name);
         });
}

bool anyOperandIsOneOf(const CallShape &Shape,
                       llvm::ArrayRef<std::string> Names) {
  return llvm::any_of(Shape.Operands, [&](const Expr *Operand) {
    return Operand && operandIsOneOf(*Operand, Names);
  });
}

/// True if \p Operator is a literal operator template instantiated with the
/// characters of a zero ('0', "0.0", "0'000").
bool isZeroCharacterPack(const FunctionDecl *Operator) {
  const TemplateArgumentList *Args =
      Operator ? Operator->getTemplateSpecializationArgs() : nullptr;
  if (!Args || Args->size() != 1 ||
      Args->get(0).getKind() != TemplateArgument::Pack ||
      Args->get(0).pack_size() == 0)
    return false;
  return llvm::all_of(
      Args->get(0).pack_elements(), [](const TemplateArgument &Character) {
        if (Character.getKind() != TemplateArgument::Integral)
          return false;
        const int64_t C = Character.getAsIntegral().getExtValue();
        return C == '0' || C == '.' || C == '\'';
      });
}

/// True if \p E is zero: an integer 0, or a duration made of one (0s,
/// std::chrono::milliseconds(0), duration::zero()).
bool isZero(const Expr &E, const ASTContext &Context) {
  const Expr *Inner = E.IgnoreImplicit()->IgnoreParenImpCasts();
  Expr::EvalResult Value;
  if (!Inner->isValueDependent() &&
      Inner->getType()->isIntegralOrEnumerationType() &&
      Inner->EvaluateAsInt(Value, Context))
    return Value.Val.getInt() == 0;
  if (const auto *Literal = dyn_cast<UserDefinedLiteral>(Inner)) {
    switch (Literal->getLiteralOperatorKind()) {
    case UserDefinedLiteral::LOK_Template:
      // std::chrono's 0s receives the number as a pack of characters.
      return isZeroCharacterPack(Literal->getDirectCallee());
    case UserDefinedLiteral::LOK_Integer:
    case UserDefinedLiteral::LOK_Floating:
      return isZero(*Literal->getCookedLiteral(), Context);
    default:
      return false;
    }
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Inner))
    return Construct->getNumArgs() == 1 &&
           isZero(*Construct->getArg(0), Context);
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Inner))
    return isZero(*Cast->getSubExpr(), Context);
  if (const auto *Call = dyn_cast<CallExpr>(Inner))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      return Callee->getIdentifier() && Callee->getName() == "zero" &&
             Call->getNumArgs() == 0;
  return false;
}

} // namespace

std::optional<StringRef> stringLiteralOf(const Expr &E) {
  const Expr *Inner = E.IgnoreImplicit()->IgnoreParenImpCasts();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Inner))
    return Construct->getNumArgs() >= 1 ? stringLiteralOf(*Construct->getArg(0))
                                        : std::nullopt;
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Inner))
    return stringLiteralOf(*Cast->getSubExpr());
  if (const auto *Literal = dyn_cast<StringLiteral>(Inner))
    if (Literal->getCharByteWidth() == 1)
      return Literal->getString();
  return std::nullopt;
}

const Expr *conditionArgument(const NonBlockingCondition &Condition,
                              const Expr &Call) {
  llvm::ArrayRef<const Expr *> Args = parameterArguments(Call);
  return Condition.Argument <= Args.size() ? Args[Condition.Argument - 1]
                                           : nullptr;
}

bool isLiteralNumericHost(const Expr &Host) {
  // No host at all: getaddrinfo(NULL, ...) answers the wildcard or loopback.
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Host.IgnoreParens()))
    if (Cast->getCastKind() == CK_NullToPointer)
      return true;
  std::optional<StringRef> Text = stringLiteralOf(Host);
  return Text && isNumericHost(*Text);
}

namespace {

bool holds(const NonBlockingCondition &Condition, const Expr &Call,
           const ASTContext &Context) {
  const Expr *ArgPtr = conditionArgument(Condition, Call);
  if (!ArgPtr)
    return false;
  const Expr &Arg = *ArgPtr;
  if (Condition.Zero && isZero(Arg, Context))
    return true;
  if (Condition.NumericHost && isLiteralNumericHost(Arg))
    return true;
  if (!Condition.Prefixes.empty() || !Condition.Equals.empty()) {
    std::optional<StringRef> Text = stringLiteralOf(Arg);
    if (Text && (llvm::any_of(Condition.Prefixes,
                              [&](const std::string &P) {
                                return Text->starts_with(P);
                              }) ||
                 llvm::is_contained(Condition.Equals, *Text)))
      return true;
  }
  Expr::EvalResult Value;
  if (Arg.isValueDependent() || !Arg.EvaluateAsInt(Value, Context))
    return false;
  const uint64_t Constant = Value.Val.getInt().getZExtValue();
  return (Constant & Condition.FlagMask) != 0 ||
         (Condition.AtMost && !Value.Val.getInt().isNegative() &&
          Constant <= *Condition.AtMost);
}

bool kindMatches(const CatalogEntry &Entry, const CallShape &Shape) {
  switch (Entry.Kind) {
  case EntryKind::Constructor:
    return Shape.IsConstruction;
  case EntryKind::Method:
    return Shape.IsMethod;
  case EntryKind::Function:
    return !Shape.IsConstruction;
  }
  return false;
}

} // namespace

std::vector<std::string> calleeNames(const CallExpr &Call) {
  std::optional<CallShape> Shape = shapeOf(Call);
  if (!Shape)
    return {};
  return {Shape->CandidateNames.begin(), Shape->CandidateNames.end()};
}

/// True if \p Producer (an initializer or a temporary) is a call that
/// returns an asynchronous operation's future.
static bool producesAsyncFuture(const Expr *Producer,
                                const LoadedCatalog &Catalog) {
  if (!Producer)
    return false;
  Producer = Producer->IgnoreImplicit();
  // Through the move constructor of `std::future<int> F = std::async(...)`.
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Producer))
    if (Construct->getNumArgs() == 1)
      Producer = Construct->getArg(0)->IgnoreImplicit();
  const auto *Call = dyn_cast<CallExpr>(Producer);
  if (!Call)
    return false;
  if (llvm::any_of(calleeNames(*Call), [&](const std::string &Name) {
        return Catalog.FutureSources.contains(Name);
      }))
    return true;
  return llvm::any_of(Call->arguments(), [&](const Expr *Arg) {
    return operandIsOneOf(*Arg, Catalog.FutureTokens);
  });
}

bool runsCallablesInline(const Expr &Call, const LoadedCatalog &Catalog) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Call))
    return Catalog.Synchronous.contains(
        catalogName(*Construct->getConstructor()->getParent()));
  const auto *CallE = dyn_cast<CallExpr>(&Call);
  return CallE &&
         llvm::any_of(calleeNames(*CallE), [&](const std::string &Name) {
           return Catalog.Synchronous.contains(Name);
         });
}

static const CatalogEntry *anyEntry(const Catalog &Entries, const Expr &Call,
                                    const ASTContext &Context) {
  std::optional<CatalogMatch> Match = matchCatalogEntry(
      Entries, Call, Context, [](const CatalogEntry &) { return true; });
  return Match ? Match->Entry : nullptr;
}

const CatalogEntry *executorSwitch(const Expr &Call,
                                   const LoadedCatalog &Catalog,
                                   const ASTContext &Context) {
  return anyEntry(Catalog.ExecutorSwitches, Call, Context);
}

const CatalogEntry *nonMovingHop(const Expr &Call, const LoadedCatalog &Catalog,
                                 const ASTContext &Context) {
  return anyEntry(Catalog.NonMovingHops, Call, Context);
}

bool isOffloadedCoroutineLambda(const FunctionDecl &Coroutine,
                                const LoadedCatalog &Catalog,
                                ASTContext &Context) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Coroutine);
  if (!Method || !Method->getParent()->isLambda() ||
      Catalog.OffloadApis.size() == 0)
    return false;
  // lambda class -> LambdaExpr -> implicit wrappers -> the call it is an
  // argument of.
  DynTypedNodeList Parents = Context.getParents(*Method->getParent());
  for (int Depth = 0; Depth < 6 && Parents.size() == 1; ++Depth) {
    if (const auto *Call = Parents[0].get<CallExpr>())
      return anyEntry(Catalog.OffloadApis, *Call, Context) != nullptr;
    if (!Parents[0].get<Expr>())
      return false;
    Parents = Context.getParents(Parents[0]);
  }
  return false;
}

llvm::SmallVector<const FunctionDecl *, 4>
coroutinesOnCallerExecutor(const ast_matchers::MatchFinder::MatchResult &Result,
                           const LoadedCatalog &Catalog) {
  llvm::SmallVector<const FunctionDecl *, 4> Coroutines =
      matchedCoroutines(Result);
  llvm::erase_if(Coroutines, [&](const FunctionDecl *Coroutine) {
    return isOffloadedCoroutineLambda(*Coroutine, Catalog, *Result.Context);
  });
  return Coroutines;
}

bool isCallOnAsyncFuture(const Expr &Call, const LoadedCatalog &Catalog) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  const Expr *Object = Member ? Member->getImplicitObjectArgument() : nullptr;
  if (!Object)
    return false;
  Object = Object->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Object)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    return Var && producesAsyncFuture(Var->getInit(), Catalog);
  }
  return producesAsyncFuture(Object, Catalog);
}

namespace {

/// Calls \p OnEntry(Entry, ConditionHolds) for each entry of \p Entries that
/// names \p Call (kind and argument filters met, \p Accept admitting it),
/// in order, until it returns true.
void forEachNamingEntry(
    const Catalog &Entries, const CallShape &Shape, const Expr &Call,
    const ASTContext &Context,
    llvm::function_ref<bool(const CatalogEntry &)> Accept,
    llvm::function_ref<bool(const CatalogEntry &, bool ConditionHolds)>
        OnEntry) {
  for (const std::string &Name : Shape.CandidateNames) {
    for (const CatalogEntry &Entry : Entries.lookup(Name)) {
      if (!kindMatches(Entry, Shape) || !Accept(Entry))
        continue;
      if (!Entry.WhenArgument.empty() &&
          !anyOperandIsOneOf(Shape, Entry.WhenArgument))
        continue;
      if (anyOperandIsOneOf(Shape, Entry.UnlessArgument))
        continue;
      const bool Holds = llvm::any_of(
          Entry.NonBlockingIf, [&](const NonBlockingCondition &Condition) {
            return holds(Condition, Call, Context);
          });
      if (OnEntry(Entry, Holds))
        return;
    }
  }
}

} // namespace

std::optional<CatalogMatch>
matchCatalogEntry(const Catalog &Entries, const Expr &Call,
                  const ASTContext &Context,
                  llvm::function_ref<bool(const CatalogEntry &)> Accept) {
  std::optional<CallShape> Shape = shapeOf(Call);
  if (!Shape)
    return std::nullopt;
  if (Shape->Unresolved &&
      !llvm::all_of(Shape->CandidateNames, [&](const std::string &Name) {
        return llvm::any_of(Entries.lookup(Name), [&](const CatalogEntry &E) {
          return kindMatches(E, *Shape) && Accept(E);
        });
      }))
    return std::nullopt;
  std::optional<CatalogMatch> Match;
  forEachNamingEntry(Entries, *Shape, Call, Context, Accept,
                     [&](const CatalogEntry &Entry, bool ConditionHolds) {
                       if (!ConditionHolds)
                         Match = CatalogMatch{&Entry};
                       return Match.has_value();
                     });
  return Match;
}

bool isNotFollowed(const FunctionDecl &Callee, const LoadedCatalog &Catalog) {
  if (Catalog.NotFollowed.empty())
    return false;
  // The function, its class, or a namespace around it.
  llvm::StringRef Name;
  const std::string Qualified = catalogName(Callee);
  for (Name = Qualified; !Name.empty();) {
    if (Catalog.NotFollowed.contains(Name))
      return true;
    const size_t Scope = Name.rfind("::");
    if (Scope == llvm::StringRef::npos)
      break;
    Name = Name.take_front(Scope);
  }
  return false;
}

namespace {

/// True if an entry of \p Entries names \p Call and \p Wanted holds of it.
bool anyNamingEntry(const Catalog &Entries, const Expr &Call,
                    const ASTContext &Context,
                    llvm::function_ref<bool(bool ConditionHolds)> Wanted) {
  std::optional<CallShape> Shape = shapeOf(Call);
  if (!Shape || Shape->Unresolved)
    return false;
  bool Found = false;
  forEachNamingEntry(
      Entries, *Shape, Call, Context, [](const CatalogEntry &) { return true; },
      [&](const CatalogEntry &, bool ConditionHolds) {
        return Found = Wanted(ConditionHolds);
      });
  return Found;
}

} // namespace

bool catalogNames(const Catalog &Entries, const Expr &Call,
                  const ASTContext &Context) {
  return anyNamingEntry(Entries, Call, Context, [](bool) { return true; });
}

bool isNonBlockingByCondition(const Catalog &Entries, const Expr &Call,
                              const ASTContext &Context) {
  return anyNamingEntry(Entries, Call, Context,
                        [](bool ConditionHolds) { return ConditionHolds; });
}

} // namespace coro_tidy
