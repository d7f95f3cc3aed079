//===----------------------------------------------------------------------===//

#include "analysis/evidence/DatabaseEvidence.h"
#include "utils/CallSites.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/StringSwitch.h"

namespace coro_tidy {

using namespace clang;

namespace {

/// SQLITE_OPEN_MEMORY in sqlite3.h.
constexpr uint64_t OpenMemoryFlag = 0x80;

StringRef globalCalleeName(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  return Callee && Callee->getIdentifier() &&
                 Callee->getDeclContext()
                     ->getRedeclContext()
                     ->isTranslationUnit()
             ? Callee->getName()
             : "";
}

/// The object \p Out, an output argument (`&db`), names.
const ValueDecl *outputOf(const Expr &Out) {
  const auto *AddressOf = dyn_cast<UnaryOperator>(Out.IgnoreParenImpCasts());
  return AddressOf && AddressOf->getOpcode() == UO_AddrOf
             ? objectNamedBy(AddressOf->getSubExpr())
             : nullptr;
}

/// True if \p Name is the literal ":memory:" in one of SQLite's encodings.
bool namesMemory(const Expr &Name) {
  const auto *Literal = dyn_cast<StringLiteral>(Name.IgnoreParenImpCasts());
  if (!Literal)
    return false;
  constexpr StringRef Memory = ":memory:";
  if (Literal->getLength() != Memory.size())
    return false;
  for (unsigned I = 0; I < Memory.size(); ++I)
    if (Literal->getCodeUnit(I) != static_cast<unsigned char>(Memory[I]))
      return false;
  return true;
}

bool setsOpenMemory(const Expr &Flags, const ASTContext &Context) {
  Expr::EvalResult Value;
  return !Flags.isValueDependent() && Flags.EvaluateAsInt(Value, Context) &&
         (Value.Val.getInt().getZExtValue() & OpenMemoryFlag) != 0;
}

} // namespace

std::optional<DatabaseOpen> databaseOpenOf(const CallExpr &Call,
                                           const ASTContext &Context) {
  const StringRef Name = globalCalleeName(Call);
  if ((Name != "sqlite3_open" && Name != "sqlite3_open16" &&
       Name != "sqlite3_open_v2") ||
      Call.getNumArgs() < 2)
    return std::nullopt;
  const ValueDecl *Handle = outputOf(*Call.getArg(1));
  if (!Handle)
    return std::nullopt;
  const bool InMemory = namesMemory(*Call.getArg(0)) ||
                        (Name == "sqlite3_open_v2" && Call.getNumArgs() > 2 &&
                         setsOpenMemory(*Call.getArg(2), Context));
  return DatabaseOpen{Handle, InMemory};
}

std::optional<StatementPrepare> statementPrepareOf(const CallExpr &Call) {
  const unsigned StatementArgument =
      llvm::StringSwitch<unsigned>(globalCalleeName(Call))
          .Cases("sqlite3_prepare", "sqlite3_prepare_v2", "sqlite3_prepare16",
                 "sqlite3_prepare16_v2", 3)
          .Cases("sqlite3_prepare_v3", "sqlite3_prepare16_v3", 4)
          .Default(0);
  if (StatementArgument == 0 || Call.getNumArgs() <= StatementArgument)
    return std::nullopt;
  const ValueDecl *Statement = outputOf(*Call.getArg(StatementArgument));
  if (!Statement)
    return std::nullopt;
  return StatementPrepare{Statement, objectNamedBy(Call.getArg(0))};
}

} // namespace coro_tidy
