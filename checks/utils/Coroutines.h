//===----------------------------------------------------------------------===//
// What a coroutine is, syntactically.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_UTILS_COROUTINES_H
#define CORO_TIDY_UTILS_COROUTINES_H

#include "clang/AST/Decl.h"
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

/// The statements the author of \p FD wrote: a coroutine's body without the
/// compiler's promise and suspend machinery; null without a body.
const clang::Stmt *userWrittenBody(const clang::FunctionDecl &FD);

/// True if \p S suspends the coroutine where the user wrote it: co_await
/// (not the compiler's implicit ones) or co_yield.
bool isSuspensionPoint(const clang::Stmt &S);

/// The call or construction a suspension awaits (`co_await f(x)`), if any.
const clang::Expr *awaitedCall(const clang::Stmt &Suspension);

/// How diagnostics name a function: "coroutine 'f'" or "coroutine lambda"
/// (with \p Kind "coroutine"), "function 'g'" or "lambda".
std::string describeFunction(const clang::FunctionDecl &FD,
                             llvm::StringRef Kind);
inline std::string describeCoroutine(const clang::FunctionDecl &Coroutine) {
  return describeFunction(Coroutine, "coroutine");
}

/// True if \p FD is a template pattern (or lies inside one) whose
/// instantiations in the translation unit have bodies: those are analysed
/// instead, since a dependent body hides what its calls resolve to.
bool hasInstantiatedBodies(const clang::FunctionDecl &FD);

} // namespace coro_tidy

#endif // CORO_TIDY_UTILS_COROUTINES_H
