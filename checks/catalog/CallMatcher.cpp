//===----------------------------------------------------------------------===//

#include "catalog/CallMatcher.h"
#include "catalog/Conditions.h"
#include "catalog/EmbeddedCatalog.h"
#include "utils/CallSites.h"
#include "utils/CoroutineMatchers.h"
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
  /// A global C++ function of the user's own: the default catalog's global
  /// functions are C APIs (sleep, read, PQexec), so only entries of the
  /// user's catalog files name it.
  bool UsersOwnGlobal = false;
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
    Shape.UsersOwnGlobal = !Method && isGlobalCppFunction(*Callee);
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

bool kindMatches(const CatalogEntry &Entry, const CallShape &Shape) {
  if (Shape.UsersOwnGlobal &&
      llvm::StringRef(Entry.File).starts_with(EmbeddedCatalogDir))
    return false;
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

/// The candidate names of a call in a template whose every candidate
/// \p Entries lists (with \p Accept admitting one of each name's).
bool everyCandidateListed(
    const CallShape &Shape, const Catalog &Entries,
    llvm::function_ref<bool(const CatalogEntry &)> Accept) {
  return llvm::all_of(Shape.CandidateNames, [&](const std::string &Name) {
    return llvm::any_of(Entries.lookup(Name), [&](const CatalogEntry &Entry) {
      return kindMatches(Entry, Shape) && Accept(Entry);
    });
  });
}

/// The entries of \p Entries of a matching kind listed under the names of
/// \p Shape, with their filters and conditions read at \p Call.
llvm::SmallVector<NamingEntry, 2> namingEntries(const Catalog &Entries,
                                                const CallShape &Shape,
                                                const Expr &Call,
                                                const ASTContext &Context) {
  llvm::SmallVector<NamingEntry, 2> Named;
  for (unsigned Index = 0; Index < Shape.CandidateNames.size(); ++Index)
    for (const CatalogEntry &Entry :
         Entries.lookup(Shape.CandidateNames[Index])) {
      if (!kindMatches(Entry, Shape))
        continue;
      NamingEntry Naming{&Entry, Index};
      Naming.FiltersMet = (Entry.WhenArgument.empty() ||
                           anyOperandIsOneOf(Shape, Entry.WhenArgument)) &&
                          !anyOperandIsOneOf(Shape, Entry.UnlessArgument);
      Naming.ConditionHolds =
          Naming.FiltersMet &&
          llvm::any_of(Entry.NonBlockingIf,
                       [&](const NonBlockingCondition &Condition) {
                         return conditionHolds(Condition, Call, Context);
                       });
      Named.push_back(Naming);
    }
  return Named;
}

/// The first entry of \p Entries (a framework section) that names the call
/// and whose conditions do not hold.
const CatalogEntry *sectionEntry(const Catalog &Entries, const CallShape &Shape,
                                 const Expr &Call, const ASTContext &Context) {
  if (Entries.size() == 0 ||
      (Shape.Unresolved &&
       !everyCandidateListed(Shape, Entries,
                             [](const CatalogEntry &) { return true; })))
    return nullptr;
  for (const NamingEntry &Naming : namingEntries(Entries, Shape, Call, Context))
    if (Naming.FiltersMet && !Naming.ConditionHolds)
      return Naming.Entry;
  return nullptr;
}

/// The future source or token of \p Producer (an initializer or a
/// temporary), if it is a call returning an asynchronous operation's future.
std::string asyncFutureSourceOf(const Expr *Producer,
                                const LoadedCatalog &Catalog) {
  if (!Producer)
    return "";
  Producer = Producer->IgnoreImplicit();
  // Through the move constructor of `std::future<int> F = std::async(...)`.
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Producer))
    if (Construct->getNumArgs() == 1)
      Producer = Construct->getArg(0)->IgnoreImplicit();
  const auto *Call = dyn_cast<CallExpr>(Producer);
  if (!Call)
    return "";
  if (std::optional<CallShape> Shape = shapeOf(*Call);
      Shape && !Shape->UsersOwnGlobal)
    for (const std::string &Name : Shape->CandidateNames)
      if (Catalog.FutureSources.contains(Name))
        return Name;
  for (const Expr *Arg : Call->arguments())
    for (const std::string &Token : Catalog.FutureTokens)
      if (operandIsOneOf(*Arg, Token))
        return Token;
  return "";
}

std::string asyncFutureSource(const Expr &Call, const LoadedCatalog &Catalog) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  const Expr *Object = Member ? Member->getImplicitObjectArgument() : nullptr;
  if (!Object)
    return "";
  Object = Object->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Object)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    return Var ? asyncFutureSourceOf(Var->getInit(), Catalog) : "";
  }
  return asyncFutureSourceOf(Object, Catalog);
}

bool runsCallablesInline(const CallShape &Shape, const LoadedCatalog &Catalog) {
  return !Shape.UsersOwnGlobal &&
         llvm::any_of(Shape.CandidateNames, [&](const std::string &Name) {
           return Catalog.Synchronous.contains(Name);
         });
}

/// The facts of \p Call, which has \p Shape.
std::unique_ptr<CallFacts> factsOf(const Expr &Call, const CallShape &Shape,
                                   const LoadedCatalog &Catalog,
                                   const ASTContext &Context) {
  auto Facts = std::make_unique<CallFacts>();
  Facts->Candidates = Shape.CandidateNames;
  Facts->Unresolved = Shape.Unresolved;
  Facts->Named = namingEntries(Catalog.Entries, Shape, Call, Context);
  if (llvm::any_of(Facts->Named,
                   [](const NamingEntry &N) { return N.Entry->OnAsyncFuture; }))
    Facts->AsyncFutureSource = asyncFutureSource(Call, Catalog);
  Facts->RunsCallablesInline = runsCallablesInline(Shape, Catalog);
  Facts->ExecutorSwitch =
      sectionEntry(Catalog.ExecutorSwitches, Shape, Call, Context);
  Facts->NonMovingHop =
      sectionEntry(Catalog.NonMovingHops, Shape, Call, Context);
  Facts->OffloadApi = sectionEntry(Catalog.OffloadApis, Shape, Call, Context);
  return Facts;
}

} // namespace

const CatalogEntry *CallFacts::blockingEntry(
    llvm::function_ref<bool(const CatalogEntry &)> Accept) const {
  if (Unresolved) {
    // Every candidate must be an entry the caller admits.
    for (unsigned Index = 0; Index < Candidates.size(); ++Index)
      if (llvm::none_of(Named, [&](const NamingEntry &N) {
            return N.Candidate == Index && Accept(*N.Entry);
          }))
        return nullptr;
  }
  for (const NamingEntry &Naming : Named)
    if (Naming.FiltersMet && !Naming.ConditionHolds && Accept(*Naming.Entry))
      return Naming.Entry;
  return nullptr;
}

bool CallFacts::isNamed() const {
  return !Unresolved &&
         llvm::any_of(Named, [](const NamingEntry &N) { return N.FiltersMet; });
}

bool CallFacts::isLetGoByCondition() const {
  return !Unresolved && llvm::any_of(Named, [](const NamingEntry &N) {
    return N.ConditionHolds;
  });
}

const CallFacts &CallResolver::resolve(const Expr &Call,
                                       const ASTContext &Context) {
  std::unique_ptr<CallFacts> &Slot = Resolved[&Call];
  if (!Slot) {
    std::optional<CallShape> Shape = shapeOf(Call);
    Slot = Shape ? factsOf(Call, *Shape, Catalog, Context)
                 : std::make_unique<CallFacts>();
    // Shapes leave copies and moves out; a class the catalog lists as
    // synchronous runs its callables inline however it is made.
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Call))
      Slot->RunsCallablesInline = Catalog.Synchronous.contains(
          catalogName(*Construct->getConstructor()->getParent()));
  }
  return *Slot;
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

bool isOffloadedCoroutineLambda(const FunctionDecl &Coroutine,
                                CallResolver &Calls, ASTContext &Context) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Coroutine);
  if (!Method || !Method->getParent()->isLambda() ||
      Calls.catalog().OffloadApis.size() == 0)
    return false;
  // lambda class -> LambdaExpr -> implicit wrappers -> the call it is an
  // argument of.
  DynTypedNodeList Parents = Context.getParents(*Method->getParent());
  for (int Depth = 0; Depth < 6 && Parents.size() == 1; ++Depth) {
    if (const auto *Call = Parents[0].get<CallExpr>())
      return Calls.resolve(*Call, Context).OffloadApi != nullptr;
    if (!Parents[0].get<Expr>())
      return false;
    Parents = Context.getParents(Parents[0]);
  }
  return false;
}

llvm::SmallVector<const FunctionDecl *, 4>
coroutinesOnCallerExecutor(const ast_matchers::MatchFinder::MatchResult &Result,
                           CallResolver &Calls) {
  llvm::SmallVector<const FunctionDecl *, 4> Coroutines =
      matchedCoroutines(Result);
  llvm::erase_if(Coroutines, [&](const FunctionDecl *Coroutine) {
    return isOffloadedCoroutineLambda(*Coroutine, Calls, *Result.Context);
  });
  return Coroutines;
}

} // namespace coro_tidy
