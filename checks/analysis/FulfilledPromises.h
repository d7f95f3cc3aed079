//===----------------------------------------------------------------------===//
// Evidence that a synchronous wait is on a promise already fulfilled.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_FULFILLEDPROMISES_H
#define CORO_TIDY_ANALYSIS_FULFILLEDPROMISES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>

namespace coro_tidy {

/// True if \p Wait (a member call) waits on an object made by a member call
/// on a local promise (`p.get_awaitable().sync_wait()`, or through a local
/// only ever assigned such a call), and a call of one of \p Fulfils on that
/// promise comes before the wait on every path: earlier in the wait's block
/// or in a block around it, not inside a branch.
bool isFulfilledBefore(const clang::Expr &Wait,
                       llvm::ArrayRef<std::string> Fulfils,
                       clang::ASTContext &Context);

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_FULFILLEDPROMISES_H
