//===----------------------------------------------------------------------===//
// Registers the coro-* checks; linked into the plugin, coro-tidy and
// coro-clangd alike.
//===----------------------------------------------------------------------===//

#include "BlockingCallCheck.h"
#include "CoroChecks.h"
#include "LockAcrossSuspendCheck.h"
#include "SyncWaitCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace coro_tidy {

class CoroTidyModule : public clang::tidy::ClangTidyModule {
public:
  void
  addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<BlockingCallCheck>(BlockingCallName);
    Factories.registerCheck<LockAcrossSuspendCheck>(LockAcrossSuspendName);
    Factories.registerCheck<SyncWaitCheck>(SyncWaitName);
  }
};

} // namespace coro_tidy

namespace clang::tidy {

static ClangTidyModuleRegistry::Add<coro_tidy::CoroTidyModule>
    CoroTidyModuleRegistration("coro-module",
                               "Blocking work inside C++20 coroutines.");

} // namespace clang::tidy
