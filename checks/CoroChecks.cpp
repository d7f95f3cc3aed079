//===----------------------------------------------------------------------===//

#include "CoroChecks.h"

namespace coro_tidy {

bool reportsCatalogErrors(llvm::StringRef CheckName,
                          clang::tidy::ClangTidyContext &Context) {
  for (llvm::StringRef Check :
       {BlockingCallName, SyncWaitName, LockAcrossSuspendName})
    if (Context.isCheckEnabled(Check))
      return Check == CheckName;
  return false;
}

} // namespace coro_tidy
