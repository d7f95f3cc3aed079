//===----------------------------------------------------------------------===//

#include "analysis/flows/LockFlow.h"
#include "catalog/Frameworks.h"
#include "utils/CallSites.h"
#include "utils/Coroutines.h"
#include "utils/LocalBodyVisitor.h"
#include "utils/QualifiedNames.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/STLExtras.h"

namespace coro_tidy {

using namespace clang;

namespace {

bool isLockName(StringRef Name) {
  return Name == "lock" || Name == "lock_shared" ||
         Name.starts_with("try_lock") || Name == "relock" ||
         Name == "lockForRead" || Name == "lockForWrite" ||
         Name.starts_with("tryLock");
}

bool isUnlockName(StringRef Name) {
  return Name == "unlock" || Name == "unlock_shared" || Name == "release";
}

StringRef calleeName(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  return Callee && Callee->getIdentifier() ? Callee->getName() : "";
}

bool hasArgumentOfType(const CXXConstructExpr &Construct, StringRef Type) {
  return llvm::any_of(Construct.arguments(), [&](const Expr *Arg) {
    return typeName(Arg->getType()) == Type;
  });
}

/// The construction a variable's initializer performs, through the wrappers
/// of `auto g = std::unique_lock(m);`.
const CXXConstructExpr *constructionOf(const Expr *Init) {
  while (Init) {
    Init = Init->IgnoreImplicit()->IgnoreParens();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init))
      return Construct;
    const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Init);
    Init = Cast ? Cast->getSubExpr() : nullptr;
  }
  return nullptr;
}

/// True if the initializer is an awaited expression: the guard came from an
/// async lock (`auto lock = co_await mutex.scoped_lock();`).
bool isAwaitedInit(const Expr *Init) {
  return Init && isa<CoawaitExpr, DependentCoawaitExpr>(
                     Init->IgnoreImplicit()->IgnoreParens());
}

} // namespace

bool LockVocabulary::isGuardType(QualType Type) const {
  if (Type.isNull() || Type->isReferenceType() || Type->isPointerType())
    return false;
  const std::string Name = typeName(Type);
  if (Catalog.LockGuards.contains(Name) ||
      llvm::is_contained(ExtraGuardTypes, Name))
    return true;
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  return Record && Record->hasAttr<ScopedLockableAttr>();
}

bool LockVocabulary::isMutexType(QualType Type) const {
  if (Type.isNull())
    return false;
  if (const auto *Pointer = Type->getAs<PointerType>())
    Type = Pointer->getPointeeType();
  const std::string Name = typeName(Type);
  return (Catalog.Mutexes.contains(Name) ||
          llvm::is_contained(ExtraMutexTypes, Name)) &&
         !isAsyncMutexType(Type);
}

bool LockVocabulary::isAsyncMutexType(QualType Type) const {
  if (Type.isNull())
    return false;
  if (const auto *Pointer = Type->getAs<PointerType>())
    Type = Pointer->getPointeeType();
  if (Catalog.AsyncMutexes.contains(typeName(Type)))
    return true;
  const CXXRecordDecl *Record =
      Type.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return false;
  return llvm::any_of(Record->methods(), [&](const CXXMethodDecl *Method) {
    return Method->getIdentifier() && Method->getName() == "lock" &&
           isAwaitableType(Method->getReturnType(), Catalog);
  });
}

llvm::SmallVector<const ValueDecl *, 4> declsPassedTo(const Expr &Call) {
  llvm::SmallVector<const ValueDecl *, 4> Decls;
  auto Add = [&](const Expr *Operand) {
    if (const ValueDecl *Decl = declNamedBy(Operand))
      Decls.push_back(Decl);
  };
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Call)) {
    llvm::for_each(Construct->arguments(), Add);
    return Decls;
  }
  const auto *CallE = dyn_cast<CallExpr>(&Call);
  if (!CallE)
    return Decls;
  llvm::for_each(CallE->arguments(), Add);
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(CallE))
    Add(Member->getImplicitObjectArgument());
  return Decls;
}

/// The analysis: lock table, scan, transfer.
struct LockFlow::Impl {
  using State = llvm::BitVector;

  Impl(LockFlow &Out, BodyCfg &Cfg, ASTContext &Context,
       const LockVocabulary &Vocabulary)
      : Out(Out), Cfg(Cfg), Context(Context), Vocabulary(Vocabulary) {}

  LockFlow &Out;
  BodyCfg &Cfg;
  ASTContext &Context;
  const LockVocabulary &Vocabulary;
  llvm::DenseMap<const ValueDecl *, unsigned> GuardIndex;
  /// Guard initializers, handled at the guard's declaration.
  llvm::DenseMap<const CXXConstructExpr *, const VarDecl *> GuardInit;
  llvm::DenseMap<const Stmt *, unsigned> RawLockIndex;
  /// Locals assigned after their initialization: their value may no longer
  /// be the attempt's.
  llvm::DenseSet<const VarDecl *> AssignedLocals;

  unsigned add(TrackedLock Lock) {
    Out.Locks.push_back(std::move(Lock));
    return Out.Locks.size() - 1;
  }

  void scanGuard(const VarDecl &Var) {
    if (!Var.isLocalVarDecl() || !Vocabulary.isGuardType(Var.getType()) ||
        isAwaitedInit(Var.getInit()))
      return;
    TrackedLock Guard;
    Guard.IsGuard = true;
    Guard.Decl = &Var;
    Guard.Where = Context.getSourceManager().getExpansionLoc(Var.getLocation());
    std::string On;
    if (const CXXConstructExpr *Construct = constructionOf(Var.getInit())) {
      GuardInit[Construct] = &Var;
      if (Construct->getNumArgs() > 0 &&
          !Construct->getConstructor()->isCopyOrMoveConstructor()) {
        const Expr *Mutex = Construct->getArg(0);
        if (Vocabulary.isAsyncMutexType(Mutex->getType()))
          return;
        Guard.Mutex = declNamedBy(Mutex);
        On = sourceText(*Mutex, Context).ltrim('&').str();
      }
    }
    Guard.Description = "lock guard '" + Var.getNameAsString() + "'" +
                        (On.empty() ? "" : " on '" + On + "'");
    GuardIndex[&Var] = add(std::move(Guard));
  }

  void scanRawLock(const CallExpr &Call) {
    const StringRef Name = calleeName(Call);
    const Expr *Mutex = nullptr;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
      const Expr *Object = Member->getImplicitObjectArgument();
      if (isLockName(Name) && Object &&
          Vocabulary.isMutexType(Object->getType()))
        Mutex = Object;
    } else if (Name == "pthread_mutex_lock" && Call.getNumArgs() == 1) {
      Mutex = Call.getArg(0);
    }
    const ValueDecl *Decl = declNamedBy(Mutex);
    if (!Decl || GuardIndex.count(Decl))
      return;
    TrackedLock Lock;
    Lock.Decl = Decl;
    Lock.Where = reportLocation(Call, Context.getSourceManager());
    Lock.Description = "mutex '" + Decl->getNameAsString() + "'";
    RawLockIndex[&Call] = add(std::move(Lock));
  }

  // The dataflow interface of ForwardFlow.
  State entryState() { return State(Out.Locks.size()); }
  void join(State &Into, const State &From) { Into |= From; }
  void enterBlock(const CFGBlock &Block, State &S) {
    for (const VarDecl *Var : Cfg.variablesLeftByThrowInto(Block))
      release(Var, S);
  }
  /// `if (m.try_lock())`, `if (!guard.owns_lock())`, `if (guard)`: the lock
  /// is held only on the edge where the attempt succeeded. The condition is
  /// read as clang's thread-safety analysis reads it: through '!', the last
  /// operand of '&&' and '||' (the others end blocks of their own), a
  /// comparison with a constant, and a local initialized by the attempt.
  void leaveBlock(const CFGBlock &Block, unsigned Successor, State &S) {
    const CFGBlock *To = *(Block.succ_begin() + Successor);
    if (To && BodyCfg::isThrowEdge(Block, *To)) {
      // A lock() that throws did not lock.
      std::optional<CFGStmt> Last = Block.back().getAs<CFGStmt>();
      auto Raw = Last ? RawLockIndex.find(Last->getStmt()) : RawLockIndex.end();
      if (Raw != RawLockIndex.end())
        S.reset(Raw->second);
      return;
    }
    const Expr *Condition =
        dyn_cast_or_null<Expr>(Block.getTerminatorCondition());
    if (!Condition || Block.succ_size() != 2)
      return;
    bool Succeeded = Successor == 0;
    if (std::optional<unsigned> Lock = attemptIn(*Condition, Succeeded))
      if (!Succeeded)
        S.reset(*Lock);
  }
  /// The lock whose attempt \p Condition reports, with \p Succeeded turned
  /// into whether the attempt succeeded when the condition is so.
  std::optional<unsigned> attemptIn(const Expr &Condition, bool &Succeeded) {
    const Expr *E = Condition.IgnoreParenImpCasts();
    if (const auto *Not = dyn_cast<UnaryOperator>(E)) {
      if (Not->getOpcode() != UO_LNot)
        return std::nullopt;
      Succeeded = !Succeeded;
      return attemptIn(*Not->getSubExpr(), Succeeded);
    }
    if (const auto *Binary = dyn_cast<BinaryOperator>(E)) {
      if (Binary->isLogicalOp())
        return attemptIn(*Binary->getRHS(), Succeeded);
      if (Binary->getOpcode() != BO_EQ && Binary->getOpcode() != BO_NE)
        return std::nullopt;
      // `m.try_lock() == false`, `true != lock.owns_lock()`.
      for (auto [Attempt, Constant] :
           {std::pair(Binary->getLHS(), Binary->getRHS()),
            std::pair(Binary->getRHS(), Binary->getLHS())}) {
        bool Value = false;
        if (!Constant->EvaluateAsBooleanCondition(Value, Context))
          continue;
        bool Holds =
            Succeeded == (Binary->getOpcode() == BO_EQ) ? Value : !Value;
        if (std::optional<unsigned> Lock = attemptIn(*Attempt, Holds)) {
          Succeeded = Holds;
          return Lock;
        }
      }
      return std::nullopt;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        if (Var->isLocalVarDecl() && Var->getInit() &&
            !AssignedLocals.contains(Var))
          return attemptIn(*Var->getInit(), Succeeded);
    return attemptedLock(*E);
  }
  /// The lock whose acquisition \p Condition reports.
  std::optional<unsigned> attemptedLock(const Expr &Condition) const {
    auto Raw = RawLockIndex.find(&Condition);
    if (Raw != RawLockIndex.end())
      return Raw->second;
    const auto *Member = dyn_cast<CXXMemberCallExpr>(&Condition);
    if (!Member)
      return std::nullopt;
    const StringRef Name = calleeName(*Member);
    const bool Reports = Name.starts_with("try_lock") || Name == "owns_lock" ||
                         isa<CXXConversionDecl>(Member->getMethodDecl());
    auto Guard =
        GuardIndex.find(declNamedBy(Member->getImplicitObjectArgument()));
    if (!Reports || Guard == GuardIndex.end())
      return std::nullopt;
    return Guard->second;
  }
  void transfer(const CFGElement &Element, State &S) {
    if (std::optional<CFGAutomaticObjDtor> Dtor =
            Element.getAs<CFGAutomaticObjDtor>()) {
      release(Dtor->getVarDecl(), S);
      return;
    }
    std::optional<CFGStmt> Statement = Element.getAs<CFGStmt>();
    if (!Statement)
      return;
    const Stmt *St = Statement->getStmt();
    if (const auto *Decls = dyn_cast<DeclStmt>(St)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          declare(*Var, S);
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(St)) {
      if (!GuardInit.count(Construct))
        releaseMovedGuards(Construct->arguments(), S);
    } else if (const auto *Call = dyn_cast<CallExpr>(St)) {
      call(*Call, S);
    }
  }

  void release(const ValueDecl *Decl, State &S) {
    auto It = GuardIndex.find(Decl);
    if (It != GuardIndex.end())
      S.reset(It->second);
  }

  void releaseRawLocks(const ValueDecl *Mutex, State &S) {
    for (const auto &[Call, Index] : RawLockIndex)
      if (Out.Locks[Index].Decl == Mutex)
        S.reset(Index);
  }

  /// A guard handed to a function by std::move no longer holds anything.
  template <typename Range> void releaseMovedGuards(Range Args, State &S) {
    for (const Expr *Arg : Args)
      if (const auto *Move = dyn_cast<CallExpr>(Arg->IgnoreImplicit()))
        if (calleeName(*Move) == "move" && Move->getNumArgs() == 1)
          release(declNamedBy(Move->getArg(0)), S);
  }

  void declare(const VarDecl &Var, State &S) {
    auto It = GuardIndex.find(&Var);
    if (It == GuardIndex.end())
      return;
    const CXXConstructExpr *Construct = constructionOf(Var.getInit());
    S[It->second] = !Construct || constructionLocks(*Construct, S);
  }

  /// Whether constructing a guard this way leaves it holding its mutex.
  bool constructionLocks(const CXXConstructExpr &Construct, State &S) {
    if (Construct.getNumArgs() == 0)
      return false;
    if (Construct.getConstructor()->isMoveConstructor()) {
      auto From = GuardIndex.find(declNamedBy(Construct.getArg(0)));
      if (From == GuardIndex.end())
        return true;
      const bool Held = S[From->second];
      S.reset(From->second);
      return Held;
    }
    // Adopting takes over a mutex locked by hand: it is the guard's now.
    if (hasArgumentOfType(Construct, "std::adopt_lock_t"))
      releaseRawLocks(declNamedBy(Construct.getArg(0)), S);
    return !hasArgumentOfType(Construct, "std::defer_lock_t");
  }

  void call(const CallExpr &Call, State &S) {
    auto Raw = RawLockIndex.find(&Call);
    if (Raw != RawLockIndex.end()) {
      S.set(Raw->second);
      return;
    }
    const StringRef Name = calleeName(Call);
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
      const ValueDecl *Object =
          declNamedBy(Member->getImplicitObjectArgument());
      auto Guard = GuardIndex.find(Object);
      if (Guard != GuardIndex.end() && (isLockName(Name) || isUnlockName(Name)))
        S[Guard->second] = isLockName(Name);
      else if (Name == "unlock" || Name == "unlock_shared")
        releaseRawLocks(Object, S);
    } else if (Name == "pthread_mutex_unlock" && Call.getNumArgs() == 1) {
      releaseRawLocks(declNamedBy(Call.getArg(0)), S);
    }
    if (Name != "move")
      releaseMovedGuards(Call.arguments(), S);
  }
};

namespace {

class LockScanner : public LocalBodyVisitor<LockScanner> {
public:
  explicit LockScanner(LockFlow::Impl &Flow) : Flow(Flow) {}
  bool VisitVarDecl(VarDecl *Var) {
    Flow.scanGuard(*Var);
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    Flow.scanRawLock(*Call);
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->isAssignmentOp())
      if (const auto *Var =
              dyn_cast_or_null<VarDecl>(declNamedBy(Op->getLHS())))
        Flow.AssignedLocals.insert(Var);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *Op) {
    if (Op->getOpcode() == UO_AddrOf)
      if (const auto *Var =
              dyn_cast_or_null<VarDecl>(declNamedBy(Op->getSubExpr())))
        Flow.AssignedLocals.insert(Var);
    return true;
  }

private:
  LockFlow::Impl &Flow;
};

} // namespace

LockFlow::LockFlow(BodyCfg &Cfg, const FunctionDecl &FD, ASTContext &Context,
                   const LockVocabulary &Vocabulary) {
  Impl Analysis(*this, Cfg, Context, Vocabulary);
  LockScanner(Analysis).TraverseStmt(const_cast<Stmt *>(userWrittenBody(FD)));
  Suspensions.resize(Locks.size());
  if (Locks.empty())
    return;
  ForwardFlow<Impl> Flow(Cfg, Analysis);
  const SourceManager &SM = Context.getSourceManager();
  Flow.replay([&](const CFGElement &Element, const llvm::BitVector &Held) {
    std::optional<CFGStmt> Statement = Element.getAs<CFGStmt>();
    if (!Statement || Held.none())
      return;
    const Stmt *St = Statement->getStmt();
    if (isSuspensionPoint(*St)) {
      recordSuspension(*St, Held, SM);
    } else if (isa<CallExpr, CXXConstructExpr>(St)) {
      llvm::SmallVector<unsigned, 2> &Before = HeldBefore[St];
      for (unsigned Index : Held.set_bits())
        if (!llvm::is_contained(Before, Index))
          Before.push_back(Index);
    }
  });
  for (auto &Points : Suspensions)
    llvm::sort(Points, [&](SourceLocation A, SourceLocation B) {
      return SM.isBeforeInTranslationUnit(A, B);
    });
}

void LockFlow::recordSuspension(const Stmt &Suspension,
                                const llvm::BitVector &Held,
                                const SourceManager &SM) {
  llvm::SmallVector<const ValueDecl *, 4> Released;
  if (const Expr *Awaited = awaitedCall(Suspension))
    Released = declsPassedTo(*Awaited);
  const SourceLocation Where = SM.getExpansionLoc(Suspension.getBeginLoc());
  for (unsigned Index : Held.set_bits()) {
    const TrackedLock &Lock = Locks[Index];
    if (llvm::is_contained(Released, Lock.Decl) ||
        (Lock.Mutex && llvm::is_contained(Released, Lock.Mutex)))
      continue;
    if (!llvm::is_contained(Suspensions[Index], Where))
      Suspensions[Index].push_back(Where);
  }
}

llvm::ArrayRef<SourceLocation>
LockFlow::suspensionsHolding(unsigned Index) const {
  return Suspensions[Index];
}

llvm::SmallVector<const TrackedLock *, 2>
LockFlow::heldDuring(const Expr &Anchor, const Expr &Call) const {
  llvm::SmallVector<const TrackedLock *, 2> Held;
  auto It = HeldBefore.find(&Anchor);
  if (It == HeldBefore.end())
    return Held;
  const llvm::SmallVector<const ValueDecl *, 4> Passed = declsPassedTo(Call);
  for (unsigned Index : It->second) {
    const TrackedLock &Lock = Locks[Index];
    if (!llvm::is_contained(Passed, Lock.Decl) &&
        !(Lock.Mutex && llvm::is_contained(Passed, Lock.Mutex)))
      Held.push_back(&Lock);
  }
  return Held;
}

} // namespace coro_tidy
