//===----------------------------------------------------------------------===//

#include "LockAcrossSuspendCheck.h"
#include "utils/CallSites.h"
#include "utils/CoroutineBody.h"
#include "utils/CoroutineMatchers.h"
#include "utils/Frameworks.h"
#include "utils/OptionLists.h"
#include "utils/QualifiedNames.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace coro_tidy {

namespace {

constexpr llvm::StringLiteral DefaultLockGuardTypes =
    "std::lock_guard;std::scoped_lock;std::unique_lock;std::shared_lock;"
    "QMutexLocker;QReadLocker;QWriteLocker";
constexpr llvm::StringLiteral DefaultMutexTypes =
    "std::mutex;std::recursive_mutex;std::timed_mutex;"
    "std::recursive_timed_mutex;std::shared_mutex;std::shared_timed_mutex;"
    "QMutex;QRecursiveMutex;QReadWriteLock";

/// A lock the walk tracks: a guard variable or a locked mutex.
struct TrackedLock {
  SourceLocation Where; // the guard's name, or the lock() call
  std::string Description;
  bool Held = false;
  unsigned ScopeDepth = 0; // guards die when their scope ends
  bool IsGuard = false;
};

/// Lock state by guard variable or mutex declaration.
using LockState = llvm::MapVector<const ValueDecl *, TrackedLock>;

/// The union of two states after branches join: held if held on any path.
LockState join(const LockState &A, const LockState &B) {
  LockState Result = A;
  for (const auto &[Decl, Lock] : B) {
    auto It = Result.find(Decl);
    if (It == Result.end())
      Result.insert({Decl, Lock});
    else
      It->second.Held |= Lock.Held;
  }
  return Result;
}

/// The mutex an expression names: a variable, a member, or &either.
const ValueDecl *mutexDecl(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *AddressOf = dyn_cast<UnaryOperator>(E))
    if (AddressOf->getOpcode() == UO_AddrOf)
      E = AddressOf->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  return Ref ? Ref->getDecl() : nullptr;
}

/// Walks a coroutine body in source order, tracking which locks are held,
/// and records every suspension point each lock is held across.
class LockWalker : public RecursiveASTVisitor<LockWalker> {
  using Base = RecursiveASTVisitor<LockWalker>;

public:
  struct Finding {
    TrackedLock Lock;
    std::vector<SourceLocation> Suspensions;
  };

  LockWalker(ASTContext &Context, llvm::ArrayRef<std::string> GuardTypes,
             llvm::ArrayRef<std::string> MutexTypes)
      : Context(Context), GuardTypes(GuardTypes), MutexTypes(MutexTypes) {}

  llvm::MapVector<unsigned, Finding> Findings; // by lock location

  bool shouldVisitImplicitCode() const { return false; }
  bool shouldVisitTemplateInstantiations() const { return false; }

  // Nested lambdas and classes cannot suspend this coroutine.
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }

  bool VisitVarDecl(VarDecl *Var) {
    if (!Var->isLocalVarDecl() || !isGuardType(Var->getType()))
      return true;
    TrackedLock Guard;
    Guard.IsGuard = true;
    Guard.Where =
        Context.getSourceManager().getExpansionLoc(Var->getLocation());
    Guard.ScopeDepth = Depth;
    Guard.Held = true;
    std::string Mutex;
    if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(
            Var->getInit() ? Var->getInit()->IgnoreImplicit() : nullptr)) {
      Guard.Held = constructionLocks(*Construct);
      if (Construct->getNumArgs() > 0)
        Mutex = StringRef(sourceText(*Construct->getArg(0))).ltrim('&').str();
    }
    Guard.Description = "lock guard '" + Var->getNameAsString() + "'" +
                        (Mutex.empty() ? "" : " on '" + Mutex + "'");
    State[Var] = Guard;
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      return true;
    const StringRef Name = Callee->getName();
    // std::move(guard): the guard no longer holds anything.
    if (Callee->isInStdNamespace() && Name == "move" && Call->getNumArgs() == 1)
      release(referencedVariable(Call->getArg(0)));
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      memberCall(*Member, Name);
    else if (Name == "pthread_mutex_lock" && Call->getNumArgs() == 1)
      lockMutex(mutexDecl(Call->getArg(0)), *Call);
    else if (Name == "pthread_mutex_unlock" && Call->getNumArgs() == 1)
      release(mutexDecl(Call->getArg(0)));
    return true;
  }

  bool TraverseCoawaitExpr(CoawaitExpr *Await) {
    if (Await->isImplicit())
      return true;
    TraverseStmt(Await->getOperand());
    suspend(Await->getBeginLoc());
    return true;
  }
  bool TraverseDependentCoawaitExpr(DependentCoawaitExpr *Await) {
    TraverseStmt(Await->getOperand());
    suspend(Await->getBeginLoc());
    return true;
  }
  bool TraverseCoyieldExpr(CoyieldExpr *Yield) {
    TraverseStmt(Yield->getOperand());
    suspend(Yield->getBeginLoc());
    return true;
  }

  bool TraverseCompoundStmt(CompoundStmt *S) {
    return scoped([&] { return Base::TraverseCompoundStmt(S); });
  }
  bool TraverseIfStmt(IfStmt *S) {
    return scoped([&] {
      if (S->getInit())
        TraverseStmt(S->getInit());
      if (S->getConditionVariableDeclStmt())
        TraverseStmt(S->getConditionVariableDeclStmt());
      TraverseStmt(S->getCond());
      const LockState Before = State;
      TraverseStmt(S->getThen());
      const LockState AfterThen = State;
      State = Before;
      if (S->getElse())
        TraverseStmt(S->getElse());
      State = join(AfterThen, State);
      return true;
    });
  }
  bool TraverseSwitchStmt(SwitchStmt *S) {
    return scoped([&] {
      const LockState Before = State;
      Base::TraverseSwitchStmt(S);
      State = join(Before, State);
      return true;
    });
  }
  bool TraverseCXXTryStmt(CXXTryStmt *S) {
    return scoped([&] {
      const LockState Before = State;
      TraverseStmt(S->getTryBlock());
      LockState After = State;
      for (unsigned I = 0; I < S->getNumHandlers(); ++I) {
        State = join(Before, After);
        TraverseStmt(S->getHandler(I));
        After = join(After, State);
      }
      State = After;
      return true;
    });
  }
  bool TraverseForStmt(ForStmt *S) {
    return loop([&] { return Base::TraverseForStmt(S); });
  }
  bool TraverseWhileStmt(WhileStmt *S) {
    return loop([&] { return Base::TraverseWhileStmt(S); });
  }
  bool TraverseDoStmt(DoStmt *S) {
    return loop([&] { return Base::TraverseDoStmt(S); });
  }
  bool TraverseCXXForRangeStmt(CXXForRangeStmt *S) {
    return loop([&] { return Base::TraverseCXXForRangeStmt(S); });
  }

private:
  bool matchesType(QualType Type, llvm::ArrayRef<std::string> Names) const {
    return llvm::is_contained(Names, typeName(Type));
  }

  bool isGuardType(QualType Type) const {
    if (Type->isReferenceType() || Type->isPointerType())
      return false;
    if (matchesType(Type, GuardTypes))
      return true;
    const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
    return Record && Record->hasAttr<ScopedLockableAttr>();
  }

  /// Whether constructing a guard this way acquires: not with defer_lock,
  /// not default-constructed; a moved-from guard passes its state on.
  bool constructionLocks(const CXXConstructExpr &Construct) {
    if (Construct.getNumArgs() == 0)
      return false;
    if (Construct.getConstructor()->isMoveConstructor()) {
      const ValueDecl *From = referencedVariable(Construct.getArg(0));
      auto It = From ? State.find(From) : State.end();
      const bool Held = It != State.end() && It->second.Held;
      release(From);
      return Held;
    }
    // Adopting takes over a mutex locked by hand: it is the guard's now.
    if (llvm::any_of(Construct.arguments(), [&](const Expr *Arg) {
          return typeName(Arg->getType()) == "std::adopt_lock_t";
        }))
      forget(mutexDecl(Construct.getArg(0)));
    return llvm::none_of(Construct.arguments(), [&](const Expr *Arg) {
      return typeName(Arg->getType()) == "std::defer_lock_t";
    });
  }

  void memberCall(const CXXMemberCallExpr &Call, StringRef Name) {
    const Expr *Object = Call.getImplicitObjectArgument();
    const ValueDecl *Decl = mutexDecl(Object);
    if (!Decl)
      return;
    auto It = State.find(Decl);
    const bool IsGuard = It != State.end() && It->second.IsGuard;
    const bool Locks = Name == "lock" || Name == "lock_shared" ||
                       Name.starts_with("try_lock") || Name == "relock" ||
                       Name == "lockForRead" || Name == "lockForWrite";
    const bool Unlocks =
        Name == "unlock" || Name == "unlock_shared" || Name == "release";
    if (IsGuard) {
      if (Locks || Unlocks)
        It->second.Held = Locks;
      return;
    }
    if (!Object || !matchesType(Object->getType(), MutexTypes))
      return;
    if (Locks)
      lockMutex(Decl, Call);
    else if (Unlocks)
      release(Decl);
  }

  void lockMutex(const ValueDecl *Mutex, const Expr &Call) {
    if (!Mutex)
      return;
    TrackedLock Lock;
    Lock.Where = reportLocation(Call, Context.getSourceManager());
    Lock.Description = "mutex '" + Mutex->getNameAsString() + "'";
    Lock.Held = true;
    State[Mutex] = Lock;
  }

  void release(const ValueDecl *Decl) {
    auto It = Decl ? State.find(Decl) : State.end();
    if (It != State.end())
      It->second.Held = false;
  }

  void forget(const ValueDecl *Decl) {
    if (Decl)
      State.erase(Decl);
  }

  void suspend(SourceLocation Where) {
    if (!Recording)
      return;
    Where = Context.getSourceManager().getExpansionLoc(Where);
    for (const auto &[Decl, Lock] : State) {
      if (!Lock.Held)
        continue;
      Finding &F = Findings[Lock.Where.getRawEncoding()];
      F.Lock = Lock;
      if (!llvm::is_contained(F.Suspensions, Where))
        F.Suspensions.push_back(Where);
    }
  }

  template <typename TraverseFn> bool scoped(TraverseFn Traverse) {
    ++Depth;
    const bool Ok = Traverse();
    State.remove_if([&](const auto &Entry) {
      return Entry.second.IsGuard && Entry.second.ScopeDepth >= Depth;
    });
    --Depth;
    return Ok;
  }

  /// A loop body may run again with the state its previous run left: walk
  /// it once to learn that state, then again from the join to report.
  template <typename TraverseFn> bool loop(TraverseFn Traverse) {
    const LockState Before = State;
    const bool WasRecording = Recording;
    Recording = false;
    scoped(Traverse);
    Recording = WasRecording;
    State = join(Before, State);
    scoped(Traverse);
    State = join(Before, State);
    return true;
  }

  std::string sourceText(const Expr &E) const {
    return Lexer::getSourceText(
               CharSourceRange::getTokenRange(E.getSourceRange()),
               Context.getSourceManager(), Context.getLangOpts())
        .str();
  }

  ASTContext &Context;
  llvm::ArrayRef<std::string> GuardTypes;
  llvm::ArrayRef<std::string> MutexTypes;
  LockState State;
  unsigned Depth = 0;
  bool Recording = true;
};

} // namespace

LockAcrossSuspendCheck::LockAcrossSuspendCheck(StringRef Name,
                                               tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      Catalog(Options, !Context->isCheckEnabled("coro-blocking-call") &&
                           !Context->isCheckEnabled("coro-sync-wait")),
      LockGuardTypes(parseQualifiedNameList(
          Options.get("LockGuardTypes", DefaultLockGuardTypes))),
      MutexTypes(parseQualifiedNameList(
          Options.get("MutexTypes", DefaultMutexTypes))) {}

void LockAcrossSuspendCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  Catalog.store(Options, Opts);
  Options.store(Opts, "LockGuardTypes", serializeOptionList(LockGuardTypes));
  Options.store(Opts, "MutexTypes", serializeOptionList(MutexTypes));
}

void LockAcrossSuspendCheck::registerPPCallbacks(const SourceManager &,
                                                 Preprocessor *PP,
                                                 Preprocessor *) {
  Catalog.startTranslationUnit(*PP);
  Reported.clear();
}

void LockAcrossSuspendCheck::registerMatchers(MatchFinder *Finder) {
  addCoroutineMatchers(*Finder, this);
}

void LockAcrossSuspendCheck::check(const MatchFinder::MatchResult &Result) {
  Loaded = Catalog.catalog();
  if (!Loaded)
    return;
  for (const FunctionDecl *Coroutine : matchedCoroutines(Result))
    checkCoroutine(*Coroutine, *Result.Context);
}

void LockAcrossSuspendCheck::checkCoroutine(const FunctionDecl &Coroutine,
                                            ASTContext &Context) {
  const Stmt *Body = Coroutine.getBody();
  if (const auto *CoroBody = dyn_cast_or_null<CoroutineBodyStmt>(Body))
    Body = CoroBody->getBody();
  LockWalker Walker(Context, LockGuardTypes, MutexTypes);
  Walker.TraverseStmt(const_cast<Stmt *>(Body));

  const std::string Framework = frameworkOf(Coroutine, *Loaded);
  auto Alternative = Loaded->LockAlternativeOf.find(Framework);
  const std::string Advice =
      Alternative != Loaded->LockAlternativeOf.end()
          ? Alternative->second
          : "release the lock before co_await, or use an async mutex";
  const std::string Described = describeCoroutine(Coroutine);
  for (const auto &[Key, Finding] : Walker.Findings) {
    if (!Reported.insert(Key).second)
      continue;
    diag(Finding.Lock.Where,
         "%0 is held across a suspension point of %1: other threads wanting "
         "it wait while the coroutine is suspended, and it may resume on "
         "another thread and unlock it there; %2")
        << Finding.Lock.Description << Described << Advice;
    for (SourceLocation Suspension : Finding.Suspensions)
      diag(Suspension, "suspension point is here", DiagnosticIDs::Note);
  }
}

void LockAcrossSuspendCheck::onEndOfTranslationUnit() {
  Catalog.finishTranslationUnit(*this);
}

} // namespace coro_tidy
