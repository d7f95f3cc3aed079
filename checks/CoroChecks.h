//===----------------------------------------------------------------------===//
// The coro-* checks as a family: their names, and which one of those that
// run reports the catalog's errors.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_COROCHECKS_H
#define CORO_TIDY_COROCHECKS_H

#include "clang-tidy/ClangTidyCheck.h"

namespace coro_tidy {

inline constexpr llvm::StringLiteral BlockingCallName = "coro-blocking-call";
inline constexpr llvm::StringLiteral LockAcrossSuspendName =
    "coro-lock-across-suspend";
inline constexpr llvm::StringLiteral SyncWaitName = "coro-sync-wait";

/// True if \p CheckName reports catalog errors: every coro-* check loads the
/// same catalog, so only the first enabled one in the order blocking-call,
/// sync-wait, lock-across-suspend reports, and each error shows once.
bool reportsCatalogErrors(llvm::StringRef CheckName,
                          clang::tidy::ClangTidyContext &Context);

} // namespace coro_tidy

#endif // CORO_TIDY_COROCHECKS_H
