//===----------------------------------------------------------------------===//

#include "analysis/DescriptorEvidence.h"
#include "utils/Coroutines.h"
#include "utils/LocalBodyVisitor.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

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

/// True if \p E mentions a non-blocking flag (O_NONBLOCK, SOCK_NONBLOCK,
/// EFD_NONBLOCK, FIONBIO, ...).
bool mentionsNonBlockingFlag(const Expr *E, const ASTContext &Context) {
  class Finder : public RecursiveASTVisitor<Finder> {
  public:
    explicit Finder(const ASTContext &Context) : Context(Context) {}
    bool Found = false;
    bool VisitExpr(Expr *Sub) {
      Found |= namedAs(*Sub, Context, isNonBlockingFlagName);
      return !Found;
    }

  private:
    const ASTContext &Context;
  };
  Finder F(Context);
  F.TraverseStmt(const_cast<Expr *>(E));
  return F.Found;
}

StringRef calleeName(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  return Callee && Callee->getIdentifier() ? Callee->getName() : "";
}

/// Calls that put their descriptor in non-blocking mode, and initializers
/// that create one in it.
class NonBlockingSetupFinder : public LocalBodyVisitor<NonBlockingSetupFinder> {
public:
  NonBlockingSetupFinder(const ASTContext &Context,
                         llvm::DenseSet<const ValueDecl *> &Found)
      : Context(Context), Found(Found) {}

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const StringRef Name = calleeName(*Call);
    bool Enables = false;
    if ((Name == "native_non_blocking" || Name == "non_blocking") &&
        Call->getNumArgs() > 0)
      Call->getArg(0)->EvaluateAsBooleanCondition(Enables, Context);
    if (Enables)
      add(Call->getImplicitObjectArgument());
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    const StringRef Name = calleeName(*Call);
    if ((Name == "fcntl" || Name == "ioctl") && Call->getNumArgs() > 1 &&
        mentionsNonBlockingFlag(Call, Context))
      add(Call->getArg(0));
    return true;
  }
  bool VisitVarDecl(VarDecl *Var) {
    if (Var->getInit() && isa<CallExpr>(Var->getInit()->IgnoreImplicit()) &&
        mentionsNonBlockingFlag(Var->getInit(), Context))
      Found.insert(Var);
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Assign) {
    if (Assign->getOpcode() == BO_Assign &&
        isa<CallExpr>(Assign->getRHS()->IgnoreImplicit()) &&
        mentionsNonBlockingFlag(Assign->getRHS(), Context))
      add(Assign->getLHS());
    return true;
  }
  bool VisitCXXConstructorDecl(CXXConstructorDecl *Ctor) {
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getMember() &&
          mentionsNonBlockingFlag(Init->getInit(), Context))
        Found.insert(Init->getMember());
    return true;
  }

private:
  void add(const Expr *Descriptor) {
    if (const ValueDecl *Decl = descriptorOf(Descriptor))
      Found.insert(Decl);
  }

  const ASTContext &Context;
  llvm::DenseSet<const ValueDecl *> &Found;
};

/// Would-block handling and awaited operations in one body.
class BodyEvidenceFinder : public LocalBodyVisitor<BodyEvidenceFinder> {
public:
  BodyEvidenceFinder(const ASTContext &Context, bool &HandlesWouldBlock,
                     llvm::DenseMap<const ValueDecl *, SourceLocation> &Awaited)
      : Context(Context), HandlesWouldBlock(HandlesWouldBlock),
        Awaited(Awaited) {}

  bool VisitExpr(Expr *E) {
    if (!HandlesWouldBlock && (isa<IntegerLiteral, DeclRefExpr>(E)))
      HandlesWouldBlock = namedAs(*E, Context, isWouldBlockName);
    return true;
  }
  // status.would_block(), status.try_again(): a would-block result asked
  // for by name.
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    HandlesWouldBlock |= isWouldBlockName(calleeName(*Call));
    return true;
  }
  bool VisitCoawaitExpr(CoawaitExpr *Await) {
    const Expr *Call = awaitedCall(*Await);
    if (const auto *CallE = dyn_cast_or_null<CallExpr>(Call)) {
      for (const Expr *Arg : CallE->arguments())
        note(Arg, *Await);
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(CallE))
        note(Member->getImplicitObjectArgument(), *Await);
    }
    return true;
  }

private:
  void note(const Expr *Operand, const CoawaitExpr &Await) {
    if (const ValueDecl *Decl = descriptorOf(Operand))
      Awaited.try_emplace(Decl, Await.getBeginLoc());
  }

  const ASTContext &Context;
  bool &HandlesWouldBlock;
  llvm::DenseMap<const ValueDecl *, SourceLocation> &Awaited;
};

} // namespace

const ValueDecl *descriptorOf(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreImplicit()->IgnoreParenCasts();
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    if (Unary->getOpcode() == UO_AddrOf || Unary->getOpcode() == UO_Deref)
      return descriptorOf(Unary->getSubExpr());
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
    return Member->getNumArgs() == 0
               ? descriptorOf(Member->getImplicitObjectArgument())
               : nullptr;
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  return Ref ? Ref->getDecl() : nullptr;
}

DescriptorEvidence::DescriptorEvidence(const FunctionDecl &FD,
                                       ASTContext &Context)
    : Context(Context) {
  Stmt *Body = const_cast<Stmt *>(userWrittenBody(FD));
  if (!Body)
    return;
  BodyEvidenceFinder(Context, HandlesWouldBlock, Awaited).TraverseStmt(Body);
  NonBlockingSetupFinder(Context, MadeNonBlocking).TraverseStmt(Body);
  // A member descriptor: any method of the class may have set it up, or
  // handled its would-block results.
  const auto *Method = dyn_cast<CXXMethodDecl>(&FD);
  if (!Method)
    return;
  Class = Method->getParent();
  llvm::DenseMap<const ValueDecl *, SourceLocation> Ignored;
  for (const CXXMethodDecl *Other : Class->methods())
    if (const FunctionDecl *Definition = Other->getDefinition()) {
      NonBlockingSetupFinder(Context, MadeNonBlocking)
          .TraverseDecl(const_cast<FunctionDecl *>(Definition));
      if (!ClassHandlesWouldBlock)
        BodyEvidenceFinder(Context, ClassHandlesWouldBlock, Ignored)
            .TraverseDecl(const_cast<FunctionDecl *>(Definition));
    }
}

bool DescriptorEvidence::isNonBlocking(const Expr &Descriptor,
                                       const Expr &Call) const {
  if (HandlesWouldBlock)
    return true;
  const ValueDecl *Decl = descriptorOf(&Descriptor);
  if (!Decl)
    return false;
  if (MadeNonBlocking.contains(Decl))
    return true;
  if (ClassHandlesWouldBlock && isa<FieldDecl>(Decl) &&
      Decl->getDeclContext() == Class)
    return true;
  auto It = Awaited.find(Decl);
  return It != Awaited.end() &&
         Context.getSourceManager().isBeforeInTranslationUnit(
             It->second, Call.getBeginLoc());
}

} // namespace coro_tidy
