//===----------------------------------------------------------------------===//

#include "analysis/flows/ReadinessFlow.h"
#include "analysis/evidence/DatabaseEvidence.h"
#include "analysis/evidence/DescriptorEvidence.h"
#include "analysis/evidence/HandleEvidence.h"
#include "utils/CallSites.h"
#include "utils/Coroutines.h"
#include "utils/LocalBodyVisitor.h"
#include "utils/QualifiedNames.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"

namespace coro_tidy {

using namespace clang;

bool Readiness::holds(
    llvm::function_ref<bool(const ReadyFact &)> Matches) const {
  if (!Flow)
    return false;
  for (unsigned Index : Facts.set_bits())
    if (Matches(Flow->facts()[Index]))
      return true;
  return false;
}

bool Readiness::isAwaited(const ValueDecl *Object, bool WaitsForResult) const {
  return Object && holds([&](const ReadyFact &Fact) {
           return Fact.Object == Object &&
                  (Fact.Kind == ReadyKind::AwaitedItself ||
                   (WaitsForResult && Fact.Kind == ReadyKind::AwaitedResult));
         });
}

bool Readiness::isFulfilled(const ValueDecl *Promise,
                            llvm::ArrayRef<std::string> Fulfils) const {
  return Promise && holds([&](const ReadyFact &Fact) {
           return Fact.Object == Promise && Fact.Kind == ReadyKind::Fulfilled &&
                  llvm::is_contained(Fulfils, Fact.Method);
         });
}

bool Readiness::isDescriptorReady(const ValueDecl *Descriptor) const {
  return Descriptor && holds([&](const ReadyFact &Fact) {
           return Fact.Object == Descriptor &&
                  (Fact.Kind == ReadyKind::NonBlockingDescriptor ||
                   Fact.Kind == ReadyKind::DescriptorAwaited);
         });
}

bool Readiness::isInMemoryDatabase(const ValueDecl *Handle) const {
  return Handle && holds([&](const ReadyFact &Fact) {
           return Fact.Object == Handle &&
                  Fact.Kind == ReadyKind::InMemoryDatabase;
         });
}

bool Readiness::isNonBlockingHandle(const ValueDecl *Handle) const {
  return Handle && holds([&](const ReadyFact &Fact) {
           return Fact.Object == Handle &&
                  Fact.Kind == ReadyKind::NonBlockingHandle;
         });
}

namespace {

/// What a statement does to a fact: makes it, or ends it (all of the
/// object's facts when Kind is unset). A fact made from another object's
/// (a statement prepared on a database) holds only where that one's does.
struct Effect {
  const ValueDecl *Object = nullptr;
  std::optional<ReadyKind> Kind;
  StringRef Method;
  bool Makes = false;
  const ValueDecl *From = nullptr;
};

bool isNonConstLValueReference(QualType Type) {
  return Type->isLValueReferenceType() &&
         !Type->getPointeeType().isConstQualified();
}

StringRef methodName(const CXXMemberCallExpr &Call) {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  return Method && Method->getIdentifier() ? Method->getName() : "";
}

/// Whether a body may give its parameter a new value: an assignment, a
/// swap, or the parameter handed on by address or non-const reference.
class NewValueFinder : public RecursiveASTVisitor<NewValueFinder> {
public:
  explicit NewValueFinder(const ParmVarDecl &Param) : Param(Param) {}
  bool VisitBinaryOperator(BinaryOperator *Op) {
    Found |= Op->isAssignmentOp() && names(Op->getLHS());
    return !Found;
  }
  bool VisitUnaryOperator(UnaryOperator *Op) {
    Found |= Op->getOpcode() == UO_AddrOf && names(Op->getSubExpr());
    return !Found;
  }
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      Found |= names(Member->getImplicitObjectArgument()) &&
               Member->getMethodDecl() &&
               (Member->getMethodDecl()->isCopyAssignmentOperator() ||
                Member->getMethodDecl()->isMoveAssignmentOperator() ||
                methodName(*Member) == "swap");
    llvm::ArrayRef<const Expr *> Args = parameterArguments(*Call);
    for (unsigned I = 0; I < Args.size(); ++I)
      Found |= names(Args[I]) &&
               (!Callee || I >= Callee->getNumParams() ||
                isNonConstLValueReference(Callee->getParamDecl(I)->getType()));
    return !Found;
  }
  bool Found = false;

private:
  bool names(const Expr *E) const { return declNamedBy(E) == &Param; }
  const ParmVarDecl &Param;
};

/// True if calling \p Callee may give the object bound to its \p Index-th
/// parameter a new value: its body is not here, or it may.
bool mayGiveNewValue(const FunctionDecl &Callee, unsigned Index) {
  const FunctionDecl *Definition = Callee.getDefinition();
  if (!Definition || !Definition->hasBody() ||
      Index >= Definition->getNumParams())
    return true;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Definition))
    if (Method->isVirtual())
      return true;
  NewValueFinder Finder(*Definition->getParamDecl(Index));
  Finder.TraverseStmt(Definition->getBody());
  return Finder.Found;
}

} // namespace

struct ReadinessFlow::Impl {
  using State = llvm::BitVector;

  Impl(ReadinessFlow &Out, const FunctionDecl &FD, CallResolver &Calls,
       ASTContext &Context)
      : Out(Out), FD(FD), Calls(Calls), Context(Context),
        Fulfils(Calls.catalog().Entries.readyAfterMethods()) {}

  ReadinessFlow &Out;
  const FunctionDecl &FD;
  CallResolver &Calls;
  ASTContext &Context;
  const llvm::StringSet<> &Fulfils;
  /// Found on the first open of a file that cannot block.
  std::optional<EscapingHandles> Escaping;
  /// Each object's facts, by index into Out.Facts.
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<unsigned, 2>> OfObject;

  /// Calls \p Sink with each effect of \p S, in order.
  void effectsOf(const Stmt &S, llvm::function_ref<void(const Effect &)> Sink) {
    if (const auto *Await = dyn_cast<CoawaitExpr>(&S)) {
      if (!Await->isImplicit())
        awaited(*Await, Sink);
    } else if (const auto *Decls = dyn_cast<DeclStmt>(&S)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D)) {
          Sink({Var, std::nullopt, "", false});
          given(Var, Var->getInit(), Sink);
        }
    } else if (const auto *Assign = dyn_cast<BinaryOperator>(&S)) {
      if (Assign->isAssignmentOp())
        assigned(Assign->getLHS(),
                 Assign->getOpcode() == BO_Assign ? Assign->getRHS() : nullptr,
                 Sink);
    } else if (const auto *Call = dyn_cast<CallExpr>(&S)) {
      const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call);
      if (Operator && Operator->isAssignmentOp() && Operator->getNumArgs() == 2)
        assigned(Operator->getArg(0),
                 Operator->getOperator() == OO_Equal ? Operator->getArg(1)
                                                     : nullptr,
                 Sink);
      else
        called(*Call, Sink);
    }
  }

  void awaited(const CoawaitExpr &Await,
               llvm::function_ref<void(const Effect &)> Sink) {
    const Expr *Operand = Await.getOperand();
    if (const ValueDecl *Object = objectNamedBy(Operand)) {
      Sink({Object, ReadyKind::AwaitedItself, "", true});
    } else if (const auto *Call =
                   dyn_cast_or_null<CallExpr>(Operand->IgnoreImplicit())) {
      if (Call->getNumArgs() > 0)
        if (const ValueDecl *Handed = objectNamedBy(Call->getArg(0)))
          Sink({Handed, ReadyKind::AwaitedResult, "", true});
    }
    // A readiness wait: the descriptors the awaited operation is given.
    const auto *Operation = dyn_cast_or_null<CallExpr>(awaitedCall(Await));
    if (!Operation)
      return;
    auto Ready = [&](const Expr *E) {
      if (const ValueDecl *Descriptor = descriptorOf(E))
        Sink({Descriptor, ReadyKind::DescriptorAwaited, "", true});
    };
    llvm::for_each(Operation->arguments(), Ready);
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Operation))
      Ready(Member->getImplicitObjectArgument());
  }

  void given(const ValueDecl *Object, const Expr *Value,
             llvm::function_ref<void(const Effect &)> Sink) {
    if (!Object || !Value)
      return;
    if (isa<CoawaitExpr>(Value->IgnoreImplicit()->IgnoreParens()))
      Sink({Object, ReadyKind::AwaitedResult, "", true});
    if (createsNonBlocking(Value, Context))
      Sink({Object, ReadyKind::NonBlockingDescriptor, "", true});
    if (opensNonBlockingFile(Value, Calls, Context))
      openedNonBlocking(Object, Sink);
  }

  /// A local handle just opened on a file that cannot block, unless it
  /// escapes somewhere in the body.
  void openedNonBlocking(const ValueDecl *Handle,
                         llvm::function_ref<void(const Effect &)> Sink) {
    const auto *Var = dyn_cast<VarDecl>(Handle);
    if (!Var || !Var->isLocalVarDecl())
      return;
    if (!Escaping)
      Escaping.emplace(FD, Calls, Context);
    if (!Escaping->escapes(Var))
      Sink({Var, ReadyKind::NonBlockingHandle, "", true});
  }

  /// open() or freopen() points a handle at another file: it cannot block
  /// only if that one cannot.
  void reopened(const CallExpr &Call,
                llvm::function_ref<void(const Effect &)> Sink) {
    const ValueDecl *Handle = objectNamedBy(reopenedHandle(Call));
    if (!Handle)
      return;
    Sink({Handle, ReadyKind::NonBlockingHandle, "", false});
    if (Calls.resolve(Call, Context).isLetGoByCondition())
      openedNonBlocking(Handle, Sink);
  }

  void assigned(const Expr *Target, const Expr *Value,
                llvm::function_ref<void(const Effect &)> Sink) {
    const ValueDecl *Object = objectNamedBy(Target);
    if (!Object)
      return;
    Sink({Object, std::nullopt, "", false});
    given(Object, Value, Sink);
  }

  void called(const CallExpr &Call,
              llvm::function_ref<void(const Effect &)> Sink) {
    if (isStdMoveOrForward(Call))
      return;
    databaseEffects(Call, Sink);
    usesUpReadiness(Call, Sink);
    if (std::optional<ModeChange> Change = modeChangeOf(Call, Context))
      if (Change->Descriptor)
        Sink({Change->Descriptor, ReadyKind::NonBlockingDescriptor, "",
              Change->NonBlocking});
    const FunctionDecl *Callee = Call.getDirectCallee();
    const bool Swaps =
        Callee && Callee->getIdentifier() && Callee->getName() == "swap";
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
      const Expr *Object = Member->getImplicitObjectArgument();
      const StringRef Name = methodName(*Member);
      const ValueDecl *Promise = objectNamedBy(Object);
      if (Promise && isa<VarDecl>(Promise) && !Fulfils.empty() &&
          Member->getMethodDecl()) {
        std::string Qualified = catalogName(*Member->getMethodDecl());
        if (Fulfils.contains(Qualified))
          Sink({Promise, ReadyKind::Fulfilled, Qualified, true});
      }
      // A descriptor opened, closed or assigned anew is another one.
      if (Name == "open" || Name == "assign" || Name == "close" ||
          Name == "release")
        if (const ValueDecl *Descriptor = descriptorOf(Object))
          Sink({Descriptor, std::nullopt, "", false});
      if (Swaps)
        Sink({objectNamedBy(Object), std::nullopt, "", false});
    }
    // A future or promise handed by non-const reference may be given a new
    // value there; a descriptor or stream keeps its mode (asio::read(s)).
    llvm::ArrayRef<const Expr *> Args = parameterArguments(Call);
    for (unsigned I = 0; Callee && I < Args.size(); ++I) {
      const ValueDecl *Object = objectNamedBy(Args[I]);
      if (!Object)
        continue;
      if (Swaps) {
        Sink({Object, std::nullopt, "", false});
        continue;
      }
      if (I < Callee->getNumParams() &&
          isNonConstLValueReference(Callee->getParamDecl(I)->getType()) &&
          mayGiveNewValue(*Callee, I))
        for (ReadyKind Kind :
             {ReadyKind::AwaitedItself, ReadyKind::AwaitedResult,
              ReadyKind::Fulfilled, ReadyKind::InMemoryDatabase})
          Sink({Object, Kind, "", false});
    }
    // Last: an open ends the object's other facts above.
    reopened(Call, Sink);
  }

  /// A readiness wait admits one operation on its descriptor: the read
  /// after it may take all that was ready, and a second one wait for more.
  void usesUpReadiness(const CallExpr &Call,
                       llvm::function_ref<void(const Effect &)> Sink) {
    if (std::optional<const ValueDecl *> Descriptor =
            descriptorOperatedOn(Call, Calls, Context))
      if (*Descriptor)
        Sink({*Descriptor, ReadyKind::DescriptorAwaited, "", false});
  }

  /// A handle whose address a call is given may be opened anew there; an
  /// in-memory open or a prepare on an in-memory database makes it one.
  void databaseEffects(const CallExpr &Call,
                       llvm::function_ref<void(const Effect &)> Sink) {
    for (const Expr *Arg : Call.arguments()) {
      const auto *AddressOf =
          dyn_cast<UnaryOperator>(Arg->IgnoreParenImpCasts());
      if (AddressOf && AddressOf->getOpcode() == UO_AddrOf)
        if (const ValueDecl *Handle = objectNamedBy(AddressOf->getSubExpr()))
          Sink({Handle, ReadyKind::InMemoryDatabase, "", false});
    }
    if (std::optional<DatabaseOpen> Open = databaseOpenOf(Call, Context))
      if (Open->InMemory)
        Sink({Open->Handle, ReadyKind::InMemoryDatabase, "", true});
    if (std::optional<StatementPrepare> Prepare = statementPrepareOf(Call))
      if (Prepare->Database)
        Sink({Prepare->Statement, ReadyKind::InMemoryDatabase, "", true,
              Prepare->Database});
  }

  /// Gives each fact \p S can make an index.
  void scan(const Stmt &S) {
    effectsOf(S, [&](const Effect &E) {
      if (!E.Makes || !E.Object || !E.Kind || indexOf(E))
        return;
      OfObject[E.Object].push_back(Out.Facts.size());
      Out.Facts.push_back({E.Object, *E.Kind, E.Method.str()});
    });
  }

  std::optional<unsigned> indexOf(const Effect &E) const {
    auto It = OfObject.find(E.Object);
    if (!E.Kind || It == OfObject.end())
      return std::nullopt;
    for (unsigned Index : It->second)
      if (Out.Facts[Index].Kind == *E.Kind &&
          Out.Facts[Index].Method == E.Method)
        return Index;
    return std::nullopt;
  }

  bool holdsFor(const ValueDecl *Object, ReadyKind Kind, const State &S) {
    std::optional<unsigned> Index = indexOf({Object, Kind, "", true});
    return Index && S.test(*Index);
  }

  // The dataflow interface of ForwardFlow.
  State entryState() { return State(Out.Facts.size()); }
  void join(State &Into, const State &From) { Into &= From; }
  void enterBlock(const CFGBlock &, State &) {}
  void leaveBlock(const CFGBlock &, unsigned, State &) {}
  void transfer(const CFGElement &Element, State &S) {
    std::optional<CFGStmt> Statement = Element.getAs<CFGStmt>();
    if (!Statement)
      return;
    effectsOf(*Statement->getStmt(), [&](const Effect &E) {
      auto It = OfObject.find(E.Object);
      if (!E.Object || It == OfObject.end())
        return;
      if (E.Makes) {
        if (std::optional<unsigned> Index = indexOf(E))
          S[*Index] = !E.From || holdsFor(E.From, *E.Kind, S);
        return;
      }
      for (unsigned Index : It->second)
        if (!E.Kind || Out.Facts[Index].Kind == *E.Kind)
          S.reset(Index);
    });
  }
};

namespace {

class FactScanner : public LocalBodyVisitor<FactScanner> {
public:
  explicit FactScanner(ReadinessFlow::Impl &Flow) : Flow(Flow) {}
  bool VisitStmt(Stmt *S) {
    Flow.scan(*S);
    return true;
  }

private:
  ReadinessFlow::Impl &Flow;
};

} // namespace

ReadinessFlow::ReadinessFlow(const FunctionDecl &FD, CallResolver &Calls,
                             ASTContext &Context,
                             llvm::function_ref<BodyCfg *()> GetCfg) {
  const Stmt *Body = userWrittenBody(FD);
  if (!Body)
    return;
  Impl Analysis(*this, FD, Calls, Context);
  FactScanner(Analysis).TraverseStmt(const_cast<Stmt *>(Body));
  if (Facts.empty())
    return;
  BodyCfg *Cfg = GetCfg();
  if (!Cfg)
    return;
  ForwardFlow<Impl> Flow(*Cfg, Analysis);
  Flow.replay([&](const CFGElement &Element, const llvm::BitVector &S) {
    std::optional<CFGStmt> Statement = Element.getAs<CFGStmt>();
    if (Statement && S.any() &&
        isa<CallExpr, CXXConstructExpr>(Statement->getStmt()))
      Before.try_emplace(Statement->getStmt(), S);
  });
}

Readiness ReadinessFlow::at(const Stmt &Anchor) const {
  Readiness Result;
  auto It = Before.find(&Anchor);
  if (It == Before.end())
    return Result;
  Result.Flow = this;
  Result.Facts = It->second;
  return Result;
}

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

/// The values a local is given in a body: its initializer (unless it is
/// default-constructed) and every assignment; whether it escapes (its
/// address taken, or bound to a non-const reference).
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
  bool VisitUnaryOperator(UnaryOperator *Op) {
    Escapes |=
        Op->getOpcode() == UO_AddrOf && localNamedBy(Op->getSubExpr()) == &Var;
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    llvm::ArrayRef<const Expr *> Args = parameterArguments(*Call);
    for (unsigned I = 0; Callee && I < Args.size(); ++I)
      Escapes |= localNamedBy(Args[I]) == &Var && !isStdMoveOrForward(*Call) &&
                 I < Callee->getNumParams() &&
                 isNonConstLValueReference(Callee->getParamDecl(I)->getType());
    return true;
  }
  const VarDecl &Var;
  llvm::SmallVector<const Expr *, 2> Values;
  bool Escapes = false;
};

bool isDefaultConstruction(const Expr *Init) {
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(
      Init ? Init->IgnoreImplicit() : nullptr);
  return Construct && Construct->getNumArgs() == 0;
}

} // namespace

const VarDecl *promiseWaitedOn(const Expr &Wait, const FunctionDecl &Caller) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Wait);
  const Stmt *Body = userWrittenBody(Caller);
  if (!Member || !Body)
    return nullptr;
  const Expr *Object = Member->getImplicitObjectArgument();
  if (const VarDecl *Promise = madeFrom(Object))
    return Promise;
  const VarDecl *Handle = localNamedBy(Object);
  if (!Handle)
    return nullptr;
  LocalValues Given(*Handle);
  Given.TraverseStmt(const_cast<Stmt *>(Body));
  if (Given.Escapes)
    return nullptr;
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

} // namespace coro_tidy
