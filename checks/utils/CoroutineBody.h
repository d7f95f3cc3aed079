//===----------------------------------------------------------------------===//
// "Inside a coroutine body": the one definition every coro-* check uses.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_UTILS_COROUTINEBODY_H
#define CORO_TIDY_UTILS_COROUTINEBODY_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include <string>

namespace coro_tidy {

/// The coroutine keywords a body uses outside nested lambdas and classes.
struct CoroutineKeywords {
  bool Awaits = false; ///< co_await written by the user
  bool Yields = false;
  bool Returns = false;
};
CoroutineKeywords findCoroutineKeywords(const clang::Stmt *Body);

/// True if \p FD is a coroutine: its body is a coroutine body or, in a
/// template whose promise type is still dependent, it uses co_await, co_yield
/// or co_return outside nested lambdas.
bool isCoroutine(const clang::FunctionDecl &FD);

/// What the walk needs to know about the APIs a body calls.
struct CoroutineBodyRules {
  /// True for calls that run their callable arguments inline, on the
  /// caller's thread (std::invoke, std::for_each, tbb::parallel_invoke).
  llvm::function_ref<bool(const clang::CallExpr &)> RunsCallablesInline;
  /// True if co_await on this operand moves the coroutine onto a thread pool
  /// meant for blocking work.
  llvm::function_ref<bool(const clang::Expr &)> SwitchesToBlockingPool;
};

/// Where a call sits in the coroutine.
struct CallSite {
  /// In the coroutine's own frame, not in a lambda run inline, so that a
  /// rewrite may use co_await there.
  bool InCoroutineFrame = true;
  /// After an awaited executor switch, on every path, with no suspension
  /// since that could have resumed it on the original executor.
  bool OnBlockingPool = false;
  /// The call is a whole expression statement (its value unused), so a
  /// rewrite may change its type.
  bool IsStatement = false;
};

/// Calls \p OnCall for every call and constructor call that runs on the
/// coroutine's own thread as part of \p Coroutine's body: the calls whose
/// nearest enclosing callable is the coroutine, plus those in lambdas invoked
/// in place or passed to a function that runs them inline. Skipped: other
/// nested lambdas and local classes (that code may run elsewhere),
/// compiler-generated code (promise calls, initial and final suspend, await_*
/// calls), unevaluated operands (decltype, sizeof, noexcept, requires, typeid
/// of a non-polymorphic operand), and calls whose result is awaited directly
/// (they create the awaitable, they do not block).
void forEachCallInCoroutineBody(
    const clang::FunctionDecl &Coroutine, const CoroutineBodyRules &Rules,
    llvm::function_ref<void(const clang::Expr &Call, const CallSite &Site)>
        OnCall);

/// Where the coroutine first awaits each variable (`co_await F`,
/// `co_await qCoro(F)`), outside nested lambdas.
using AwaitedVariableMap =
    llvm::DenseMap<const clang::ValueDecl *, clang::SourceLocation>;
AwaitedVariableMap awaitedVariables(const clang::FunctionDecl &Coroutine);

/// True if \p Call is a member call on a variable awaited before it: a
/// future awaited to completion is ready, and its get() returns at once.
bool isOnAwaitedVariable(const clang::Expr &Call,
                         const AwaitedVariableMap &Awaited,
                         const clang::SourceManager &SM);

/// How diagnostics name the coroutine: "coroutine 'f'" or "coroutine lambda".
std::string describeCoroutine(const clang::FunctionDecl &Coroutine);

} // namespace coro_tidy

#endif // CORO_TIDY_UTILS_COROUTINEBODY_H
