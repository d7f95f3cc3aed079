//===----------------------------------------------------------------------===//

#include "catalog/Conditions.h"
#include "utils/CallSites.h"
#include "utils/HostNames.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/TemplateBase.h"
#include "llvm/ADT/STLExtras.h"

namespace coro_tidy {

using namespace clang;

namespace {

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

bool conditionHolds(const NonBlockingCondition &Condition, const Expr &Call,
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

} // namespace coro_tidy
