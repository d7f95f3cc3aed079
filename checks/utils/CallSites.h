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

/// The variable \p E names, looking through std::move and std::forward.
const clang::ValueDecl *referencedVariable(const clang::Expr *E);

/// Where to report a call: the called name for member calls, the call's
/// start otherwise; the expansion site for calls written in macros.
clang::SourceLocation reportLocation(const clang::Expr &Call,
                                     const clang::SourceManager &SM);

} // namespace coro_tidy

#endif // CORO_TIDY_UTILS_CALLSITES_H
