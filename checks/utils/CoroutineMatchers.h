//===----------------------------------------------------------------------===//
// The matchers every coro-* check registers to find coroutines cheaply.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_UTILS_COROUTINEMATCHERS_H
#define CORO_TIDY_UTILS_COROUTINEMATCHERS_H

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/SmallVector.h"

namespace coro_tidy {

/// Registers \p Check for the coroutines of user code. Matching coroutine
/// bodies, rather than every function, keeps the checks' cost proportional
/// to the coroutines in a translation unit; templates whose promise type is
/// dependent keep a plain body until instantiated, so templates are matched
/// too (a handful of nodes, not every instantiated function).
void addCoroutineMatchers(
    clang::ast_matchers::MatchFinder &Finder,
    clang::ast_matchers::MatchFinder::MatchCallback *Check);

/// The coroutines a match of addCoroutineMatchers found. A template pattern
/// is left out when its instantiations have bodies: they are matched too,
/// and only they show what dependent calls resolve to.
llvm::SmallVector<const clang::FunctionDecl *, 4>
matchedCoroutines(const clang::ast_matchers::MatchFinder::MatchResult &Result);

} // namespace coro_tidy

#endif // CORO_TIDY_UTILS_COROUTINEMATCHERS_H
