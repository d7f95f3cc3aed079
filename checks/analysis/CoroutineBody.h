//===----------------------------------------------------------------------===//
// "On the function's own thread": which calls a body runs where it runs.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_COROUTINEBODY_H
#define CORO_TIDY_ANALYSIS_COROUTINEBODY_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLExtras.h"

namespace coro_tidy {

/// Where a call sits in the body.
struct CallSite {
  /// The statement of the body's own control flow that runs the call: the
  /// call itself, or for a call inside a lambda run inline, the call that
  /// runs the lambda. The CFG flows are looked up there.
  const clang::Expr *Anchor = nullptr;
  /// In the function's own frame, not in a lambda run inline, so that a
  /// rewrite may use co_await there.
  bool InOwnFrame = true;
  /// The call is a whole expression statement (its value unused), so a
  /// rewrite may change its type.
  bool IsStatement = false;
};

/// Calls \p OnCall for every call and constructor call that runs on the
/// thread running \p FD, as part of its body: the calls whose nearest
/// enclosing callable is \p FD, plus those in lambdas invoked in place or
/// passed to a call (or constructor) for which \p RunsCallablesInline holds.
/// Skipped: other nested lambdas and local classes (that code may run
/// elsewhere), compiler-generated code (promise calls, initial and final
/// suspend, await_* calls), unevaluated operands (decltype, sizeof,
/// noexcept, requires, typeid of a non-polymorphic operand), and calls whose
/// result is awaited directly (they create the awaitable, they do not
/// block).
void forEachCallOnThread(
    const clang::FunctionDecl &FD,
    llvm::function_ref<bool(const clang::Expr &)> RunsCallablesInline,
    llvm::function_ref<void(const clang::Expr &Call, const CallSite &Site)>
        OnCall);

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_COROUTINEBODY_H
