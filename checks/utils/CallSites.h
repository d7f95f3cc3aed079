//===----------------------------------------------------------------------===//
// Small facts about a call site that several checks need.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_UTILS_CALLSITES_H
#define CORO_TIDY_UTILS_CALLSITES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

namespace coro_tidy {

/// The function a call or construction calls, if known.
const clang::FunctionDecl *calleeOf(const clang::Expr &Call);

/// The arguments of a call or construction in the order of its callee's
/// parameters: a member operator's object is not one of them.
llvm::ArrayRef<const clang::Expr *> parameterArguments(const clang::Expr &Call);

/// True if \p Call is std::move or std::forward of one argument: it names
/// its argument and modifies nothing.
bool isStdMoveOrForward(const clang::CallExpr &Call);

/// The variable, parameter or member \p E names, looking through parens,
/// casts, '&', '*', std::move and std::forward.
const clang::ValueDecl *declNamedBy(const clang::Expr *E);

/// The one object \p E names, as declNamedBy does, but a member only when it
/// is this object's (`M`, `this->M`): `A.M` and `B.M` are other objects with
/// one declaration.
const clang::ValueDecl *objectNamedBy(const clang::Expr *E);

/// Where to report a call: the called name for member calls, the call's
/// start otherwise; the expansion site for calls written in macros.
clang::SourceLocation reportLocation(const clang::Expr &Call,
                                     const clang::SourceManager &SM);

/// The source text of \p E as written.
llvm::StringRef sourceText(const clang::Expr &E,
                           const clang::ASTContext &Context);

} // namespace coro_tidy

#endif // CORO_TIDY_UTILS_CALLSITES_H
