//===----------------------------------------------------------------------===//

#include "analysis/evidence/DescriptorEvidence.h"
#include "utils/CallSites.h"
#include "utils/Coroutines.h"
#include "utils/LocalBodyVisitor.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include <cstdint>

namespace coro_tidy {

using namespace clang;

namespace {

bool isWouldBlockName(StringRef Name) {
  return Name == "EAGAIN" || Name == "EWOULDBLOCK" || Name == "EINPROGRESS" ||
         Name == "would_block" || Name == "try_again" ||
         Name == "in_progress" || Name == "operation_would_block" ||
         Name == "resource_unavailable_try_again" ||
         Name == "operation_in_progress";
}

bool isNonBlockingFlagName(StringRef Name) {
  return Name.contains("NONBLOCK") || Name == "FIONBIO";
}

/// True if a macro \p Loc expands from, or the enumerator \p E names,
/// satisfies \p Accept.
bool namedAs(const Expr &E, const ASTContext &Context,
             llvm::function_ref<bool(StringRef)> Accept) {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(&E))
    if (isa<EnumConstantDecl>(Ref->getDecl()) &&
        Accept(Ref->getDecl()->getName()))
      return true;
  const SourceManager &SM = Context.getSourceManager();
  for (SourceLocation Loc = E.getBeginLoc(); Loc.isMacroID();
       Loc = SM.getImmediateMacroCallerLoc(Loc))
    if (Accept(Lexer::getImmediateMacroName(Loc, SM, Context.getLangOpts())))
      return true;
  return false;
}

/// How an expression uses the non-blocking flag it mentions.
enum class FlagUse : std::uint8_t { None, Sets, Clears };

FlagUse localFlagUse(const VarDecl &Var, const Expr &Use,
                     const ASTContext &Context);

/// Whether \p E mentions a non-blocking flag (O_NONBLOCK, SOCK_NONBLOCK,
/// EFD_NONBLOCK, ...) to set it, or only under '~' to clear it; a flags
/// local is read as localFlagUse reads it.
FlagUse nonBlockingFlagUse(const Expr *E, const ASTContext &Context) {
  class Finder : public RecursiveASTVisitor<Finder> {
  public:
    explicit Finder(const ASTContext &Context) : Context(Context) {}
    bool TraverseUnaryOperator(UnaryOperator *Op) {
      const bool Negates = Op->getOpcode() == UO_Not;
      Negations += Negates;
      RecursiveASTVisitor::TraverseUnaryOperator(Op);
      Negations -= Negates;
      return Use != FlagUse::Sets;
    }
    bool VisitExpr(Expr *Sub) {
      if (!namedAs(*Sub, Context, isNonBlockingFlagName))
        return true;
      if (Negations == 0)
        Use = FlagUse::Sets;
      else if (Use == FlagUse::None)
        Use = FlagUse::Clears;
      return Use != FlagUse::Sets;
    }
    FlagUse Use = FlagUse::None;

  private:
    const ASTContext &Context;
    unsigned Negations = 0;
  };
  if (!E)
    return FlagUse::None;
  if (const auto *Var =
          dyn_cast_or_null<VarDecl>(declNamedBy(E->IgnoreParenImpCasts())))
    if (Var->isLocalVarDecl() && isa<DeclRefExpr>(E->IgnoreParenImpCasts()))
      return localFlagUse(*Var, *E, Context);
  Finder F(Context);
  F.TraverseStmt(const_cast<Expr *>(E));
  return F.Use;
}

/// What a flags local holds where two paths meet: set only if set on both.
FlagUse joinFlagUses(FlagUse A, FlagUse B) {
  if (A == FlagUse::Sets && B == FlagUse::Sets)
    return FlagUse::Sets;
  return A == FlagUse::Clears || B == FlagUse::Clears ? FlagUse::Clears
                                                      : FlagUse::None;
}

/// True if \p S may run some of its parts and not others: a branch, a loop,
/// a conditional operator, && or ||.
bool isBranching(const Stmt *S) {
  if (const auto *Logical = dyn_cast_or_null<BinaryOperator>(S))
    return Logical->isLogicalOp();
  return isa_and_nonnull<IfStmt, ForStmt, WhileStmt, DoStmt, CXXForRangeStmt,
                         SwitchStmt, AbstractConditionalOperator>(S);
}

/// The flags local \p Var holds at \p Use, from its initializer and the
/// assignments written before the use (`flags = fcntl(fd, F_GETFL); flags
/// |= O_NONBLOCK; fcntl(fd, F_SETFL, flags)`): a set only when something
/// set the flag and nothing cleared it or replaced the value since. An
/// assignment under a branch the use is not under may not have run: the
/// value before it counts too.
FlagUse localFlagUse(const VarDecl &Var, const Expr &Use,
                     const ASTContext &Context) {
  class Finder : public RecursiveASTVisitor<Finder> {
  public:
    Finder(const VarDecl &Var, const Expr &Use, const ASTContext &Context)
        : Var(Var), Use(Use), SM(Context.getSourceManager()), Context(Context) {
    }
    bool TraverseStmt(Stmt *S) {
      const bool Branching = isBranching(S);
      if (Branching)
        Branches.push_back(S);
      const bool Continue = RecursiveASTVisitor::TraverseStmt(S);
      if (Branching)
        Branches.pop_back();
      return Continue;
    }
    bool VisitBinaryOperator(BinaryOperator *Op) {
      if (!Op->isAssignmentOp() || declNamedBy(Op->getLHS()) != &Var ||
          !SM.isBeforeInTranslationUnit(Op->getEndLoc(), Use.getBeginLoc()))
        return true;
      const FlagUse Value = nonBlockingFlagUse(Op->getRHS(), Context);
      FlagUse After = Result;
      if (Op->getOpcode() == BO_Assign)
        After = Value == FlagUse::Sets ? FlagUse::Sets : FlagUse::Clears;
      else if (Op->getOpcode() == BO_OrAssign && Value == FlagUse::Sets &&
               Result != FlagUse::Clears)
        After = FlagUse::Sets;
      else if (Value != FlagUse::None || Op->getOpcode() != BO_OrAssign)
        After = FlagUse::Clears;
      Result =
          llvm::all_of(Branches,
                       [&](const Stmt *Branch) { return encloses(*Branch); })
              ? After
              : joinFlagUses(After, Result);
      return true;
    }
    FlagUse Result = FlagUse::None;

  private:
    bool encloses(const Stmt &Branch) const {
      return !SM.isBeforeInTranslationUnit(Use.getBeginLoc(),
                                           Branch.getBeginLoc()) &&
             !SM.isBeforeInTranslationUnit(Branch.getEndLoc(),
                                           Use.getBeginLoc());
    }

    const VarDecl &Var;
    const Expr &Use;
    const SourceManager &SM;
    const ASTContext &Context;
    llvm::SmallVector<const Stmt *, 4> Branches;
  };
  const auto *Function =
      dyn_cast_or_null<FunctionDecl>(Var.getParentFunctionOrMethod());
  if (!Function || !Function->getBody())
    return FlagUse::None;
  Finder F(Var, Use, Context);
  F.Result = nonBlockingFlagUse(Var.getInit(), Context);
  F.TraverseStmt(Function->getBody());
  return F.Result;
}

StringRef calleeName(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  return Callee && Callee->getIdentifier() ? Callee->getName() : "";
}

/// True if \p Arg of ioctl(fd, FIONBIO, &On) points to a local initialized
/// to nonzero.
bool pointsToNonZero(const Expr &Arg, const ASTContext &Context) {
  const auto *AddressOf = dyn_cast<UnaryOperator>(Arg.IgnoreParenImpCasts());
  if (!AddressOf || AddressOf->getOpcode() != UO_AddrOf)
    return false;
  const auto *Ref =
      dyn_cast<DeclRefExpr>(AddressOf->getSubExpr()->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  bool NonZero = false;
  return Var && Var->getInit() &&
         Var->getInit()->EvaluateAsBooleanCondition(NonZero, Context) &&
         NonZero;
}

/// The descriptors whose would-block results one body handles. A check
/// (errno == EAGAIN, ec == would_block, status.try_again()) is about the
/// nearest call before it that works on a descriptor: errno tells of the
/// last call, and a result is checked right after the call that made it.
class WouldBlockFinder : public LocalBodyVisitor<WouldBlockFinder> {
public:
  WouldBlockFinder(CallResolver &Calls, ASTContext &Context)
      : Calls(Calls), Context(Context) {}

  bool VisitCallExpr(CallExpr *Call) {
    if (std::optional<const ValueDecl *> Descriptor =
            descriptorOperatedOn(*Call, Calls, Context))
      Last = *Descriptor;
    return true;
  }
  bool VisitExpr(Expr *E) {
    if (isa<IntegerLiteral, DeclRefExpr>(E) &&
        namedAs(*E, Context, isWouldBlockName))
      checked();
    return true;
  }
  // status.would_block(), status.try_again(): a would-block result asked
  // for by name.
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    if (isWouldBlockName(calleeName(*Call)))
      checked();
    return true;
  }

  llvm::DenseSet<const ValueDecl *> Handled;

private:
  void checked() {
    if (Last)
      Handled.insert(Last);
  }

  CallResolver &Calls;
  ASTContext &Context;
  const ValueDecl *Last = nullptr;
};

/// True if \p Body may leave the loop it is the body of before the last
/// element: a break, continue, return or goto.
bool mayStopEarly(const Stmt *Body) {
  class Finder : public RecursiveASTVisitor<Finder> {
  public:
    bool VisitStmt(Stmt *S) {
      Found |= isa<BreakStmt, ContinueStmt, ReturnStmt, GotoStmt>(S);
      return !Found;
    }
    bool Found = false;
  };
  Finder F;
  F.TraverseStmt(const_cast<Stmt *>(Body));
  return F.Found;
}

/// True if \p Value is the descriptor held in \p Member of another object
/// of the class, copied, moved or duplicated (`dup(other.m_fd)`,
/// `std::exchange(other.m_fds, {-1})`): dup shares the file status flags,
/// so it keeps the mode every write of the member gives it.
bool isSameMemberOfAnother(const Expr *Value, const FieldDecl &Member) {
  if (!Value)
    return false;
  Value = Value->IgnoreImplicit()->IgnoreParenCasts();
  if (const auto *Element = dyn_cast<ArraySubscriptExpr>(Value))
    return isSameMemberOfAnother(Element->getBase(), Member);
  if (const auto *Element = dyn_cast<CXXOperatorCallExpr>(Value))
    return Element->getOperator() == OO_Subscript &&
           isSameMemberOfAnother(Element->getArg(0), Member);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Value))
    return Construct->getNumArgs() == 1 &&
           Construct->getConstructor()->isCopyOrMoveConstructor() &&
           isSameMemberOfAnother(Construct->getArg(0), Member);
  if (const auto *Call = dyn_cast<CallExpr>(Value)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    const std::string Name =
        Callee ? Callee->getQualifiedNameAsString() : std::string();
    return Call->getNumArgs() >= 1 &&
           (Name == "dup" || Name == "std::exchange" || Name == "std::move") &&
           isSameMemberOfAnother(Call->getArg(0), Member);
  }
  return declNamedBy(Value) == &Member;
}

/// What one method of a class does to the class's member descriptors,
/// including the elements of a member array (a pipe's two ends).
class MemberModeFinder : public LocalBodyVisitor<MemberModeFinder> {
public:
  explicit MemberModeFinder(const ASTContext &Context) : Context(Context) {}

  // `for (auto &Fd : m_fds)`: the loop variable is every element in turn.
  bool VisitCXXForRangeStmt(CXXForRangeStmt *Loop) {
    if (const FieldDecl *Member = memberDescriptorOf(Loop->getRangeInit()))
      if (!mayStopEarly(Loop->getBody()))
        Elements.try_emplace(Loop->getLoopVariable(), Member);
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    if (std::optional<ModeChange> Change = modeChangeOf(*Call, Context))
      if (const FieldDecl *Member = memberOf(Change->Descriptor))
        (Change->NonBlocking ? Sets : Clears).insert(Member);
    // pipe(m_fds.data()), accept4(..., &m_fd): a descriptor written there.
    for (const Expr *Arg : Call->arguments())
      if (Arg->getType()->isPointerType() &&
          !Arg->getType()->getPointeeType().isConstQualified())
        if (const FieldDecl *Member = memberDescriptorOf(Arg))
          written(Member, nullptr);
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Assign) {
    if (Assign->getOpcode() == BO_Assign)
      written(writtenMember(Assign->getLHS()), Assign->getRHS());
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Assign) {
    if (Assign->getOperator() == OO_Equal && Assign->getNumArgs() == 2)
      written(writtenMember(Assign->getArg(0)), Assign->getArg(1));
    return true;
  }
  bool VisitCXXConstructorDecl(CXXConstructorDecl *Ctor) {
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten())
        written(dyn_cast_or_null<FieldDecl>(Init->getMember()),
                Init->getInit());
    return true;
  }

  llvm::DenseSet<const ValueDecl *> Writes, Sets, Clears;

private:
  /// The member \p Named is, or whose every element it is.
  const FieldDecl *memberOf(const ValueDecl *Named) const {
    if (const auto *Element = dyn_cast_or_null<VarDecl>(Named)) {
      auto It = Elements.find(Element);
      return It == Elements.end() ? nullptr : It->second;
    }
    return dyn_cast_or_null<FieldDecl>(Named);
  }
  const FieldDecl *writtenMember(const Expr *Target) const {
    if (const FieldDecl *Member = memberOf(descriptorOf(Target)))
      return Member;
    return memberDescriptorOf(Target);
  }
  void written(const FieldDecl *Member, const Expr *Value) {
    // A constant (-1 before the descriptor is opened) is no descriptor.
    Expr::EvalResult Constant;
    if (!Member || (Value && Value->EvaluateAsInt(Constant, Context)) ||
        isSameMemberOfAnother(Value, *Member))
      return;
    Writes.insert(Member);
    if (createsNonBlocking(Value, Context))
      Sets.insert(Member);
  }

  const ASTContext &Context;
  llvm::DenseMap<const VarDecl *, const FieldDecl *> Elements;
};

} // namespace

const ValueDecl *descriptorOf(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreImplicit()->IgnoreParenCasts();
  // A descriptor wrapper passed by value (folly::NetworkSocket) is a copy
  // of the same descriptor.
  if (const auto *Copy = dyn_cast<CXXConstructExpr>(E))
    return Copy->getConstructor()->isCopyOrMoveConstructor()
               ? descriptorOf(Copy->getArg(0))
               : nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
    return Member->getNumArgs() == 0
               ? descriptorOf(Member->getImplicitObjectArgument())
               : nullptr;
  return objectNamedBy(E);
}

const FieldDecl *memberDescriptorOf(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreImplicit()->IgnoreParenCasts();
  if (const auto *Element = dyn_cast<ArraySubscriptExpr>(E))
    return memberDescriptorOf(Element->getBase());
  if (const auto *Element = dyn_cast<CXXOperatorCallExpr>(E))
    if (Element->getOperator() == OO_Subscript && Element->getNumArgs() == 2)
      return memberDescriptorOf(Element->getArg(0));
  // An accessor of this object: `return m_fds[1];` and nothing else.
  if (const auto *Accessor = dyn_cast<CXXMemberCallExpr>(E))
    if (Accessor->getNumArgs() == 0 &&
        isa<CXXThisExpr>(
            Accessor->getImplicitObjectArgument()->IgnoreParenImpCasts()))
      if (const CXXMethodDecl *Method = Accessor->getMethodDecl())
        if (const FunctionDecl *Definition = Method->getDefinition())
          if (const auto *Body =
                  dyn_cast_or_null<CompoundStmt>(Definition->getBody()))
            if (Body->size() == 1)
              if (const auto *Return = dyn_cast<ReturnStmt>(Body->body_front()))
                if (Return->getRetValue() != E)
                  return memberDescriptorOf(Return->getRetValue());
  return dyn_cast_or_null<FieldDecl>(descriptorOf(E));
}

std::optional<const ValueDecl *>
descriptorOperatedOn(const CallExpr &Call, CallResolver &Calls,
                     const ASTContext &Context) {
  for (const NamingEntry &Naming : Calls.resolve(Call, Context).Named) {
    const unsigned Argument = Naming.Entry->DescriptorArgument;
    if (Naming.FiltersMet && Argument != 0 && Argument <= Call.getNumArgs())
      return descriptorOf(Call.getArg(Argument - 1));
  }
  return std::nullopt;
}

std::optional<ModeChange> modeChangeOf(const Expr &Call,
                                       const ASTContext &Context) {
  const auto *CallE = dyn_cast<CallExpr>(&Call);
  if (!CallE)
    return std::nullopt;
  const StringRef Name = calleeName(*CallE);
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(CallE)) {
    if ((Name != "native_non_blocking" && Name != "non_blocking") ||
        Member->getNumArgs() == 0)
      return std::nullopt;
    bool Enables = false;
    const bool Known =
        Member->getArg(0)->EvaluateAsBooleanCondition(Enables, Context);
    return ModeChange{descriptorOf(Member->getImplicitObjectArgument()),
                      Known && Enables};
  }
  auto Names = [&](const Expr &Arg, StringRef Macro) {
    return namedAs(Arg, Context, [&](StringRef N) { return N == Macro; });
  };
  if (Name == "fcntl" && CallE->getNumArgs() > 2 &&
      Names(*CallE->getArg(1), "F_SETFL"))
    return ModeChange{descriptorOf(CallE->getArg(0)),
                      nonBlockingFlagUse(CallE->getArg(2), Context) ==
                          FlagUse::Sets};
  if (Name == "ioctl" && CallE->getNumArgs() > 2 &&
      Names(*CallE->getArg(1), "FIONBIO"))
    return ModeChange{descriptorOf(CallE->getArg(0)),
                      pointsToNonZero(*CallE->getArg(2), Context)};
  if (Name == "set_socket_non_blocking" && CallE->getNumArgs() == 1 &&
      CallE->getDirectCallee()->getQualifiedNameAsString() ==
          "folly::netops::set_socket_non_blocking")
    return ModeChange{descriptorOf(CallE->getArg(0)), true};
  return std::nullopt;
}

bool createsNonBlocking(const Expr *Value, const ASTContext &Context) {
  return Value && isa<CallExpr>(Value->IgnoreImplicit()) &&
         nonBlockingFlagUse(Value, Context) == FlagUse::Sets;
}

DescriptorEvidence::DescriptorEvidence(const FunctionDecl &FD,
                                       CallResolver &Calls,
                                       ASTContext &Context) {
  Stmt *Body = const_cast<Stmt *>(userWrittenBody(FD));
  if (!Body)
    return;
  WouldBlockFinder Here(Calls, Context);
  Here.TraverseStmt(Body);
  HandledHere = std::move(Here.Handled);
  const auto *Method = dyn_cast<CXXMethodDecl>(&FD);
  if (!Method)
    return;
  // A member descriptor is in the mode every method of the class leaves it
  // in: each must be here to be seen, and each that writes it must make it
  // non-blocking too.
  Class = Method->getParent();
  bool AllMethodsHere = true;
  for (const CXXMethodDecl *Other : Class->methods()) {
    const FunctionDecl *Definition = Other->getDefinition();
    if (!Definition || !Definition->hasBody()) {
      AllMethodsHere &=
          Other->isImplicit() || Other->isDeleted() || Other->isPureVirtual();
      continue;
    }
    MemberModeFinder Modes(Context);
    Modes.TraverseDecl(const_cast<FunctionDecl *>(Definition));
    MadeNonBlocking.insert(Modes.Sets.begin(), Modes.Sets.end());
    MadeBlocking.insert(Modes.Clears.begin(), Modes.Clears.end());
    for (const ValueDecl *Member : Modes.Writes)
      if (!Modes.Sets.contains(Member))
        MadeBlocking.insert(Member);
    WouldBlockFinder Handles(Calls, Context);
    Handles.TraverseDecl(const_cast<FunctionDecl *>(Definition));
    for (const ValueDecl *Handled : Handles.Handled)
      if (isa<FieldDecl>(Handled))
        HandledByClass.insert(Handled);
  }
  if (!AllMethodsHere) {
    MadeNonBlocking.clear();
    HandledByClass.clear();
  }
}

std::optional<std::string>
DescriptorEvidence::whyNonBlocking(const Expr &Descriptor) const {
  const ValueDecl *Decl = descriptorOf(&Descriptor);
  if (Decl && HandledHere.contains(Decl))
    return "the function handles would-block results of '" +
           Decl->getNameAsString() + "'";
  const FieldDecl *Member = memberDescriptorOf(&Descriptor);
  if (!Member || Member->getParent() != Class ||
      Member->getAccess() == AS_public)
    return std::nullopt;
  const std::string Name = "'" + Member->getNameAsString() + "'";
  if (HandledByClass.contains(Member))
    return "the class handles would-block results of " + Name;
  if (MadeNonBlocking.contains(Member) && !MadeBlocking.contains(Member))
    return "the class makes " + Name +
           " non-blocking and never switches it "
           "back";
  return std::nullopt;
}

} // namespace coro_tidy
