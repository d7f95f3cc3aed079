//===----------------------------------------------------------------------===//
// coro-sync-wait
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_SYNCWAITCHECK_H
#define CORO_TIDY_SYNCWAITCHECK_H

#include "analysis/CoroutineBody.h"
#include "analysis/flows/ExecutorFlow.h"
#include "analysis/flows/ReadinessFlow.h"
#include "catalog/CallMatcher.h"
#include "catalog/CatalogSession.h"
#include "catalog/OptionNames.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace coro_tidy {

/// Finds synchronous waits for asynchronous work inside coroutine bodies
/// (cppcoro::sync_wait, folly::coro::blockingWait, io_context::run, get() on
/// a std::future from std::async or asio::use_future, ...): they stall the
/// executor thread and deadlock when the awaited work needs that thread.
///
/// Walks coroutine bodies as coro-blocking-call does (TK_AsIs, see
/// analysis/CoroutineAnalysis.h).
class SyncWaitCheck : public clang::tidy::ClangTidyCheck {
public:
  SyncWaitCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);

  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  std::optional<clang::TraversalKind> getCheckTraversalKind() const override {
    return clang::TK_AsIs;
  }
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// Warns of an allowed function that names no catalog entry (a typo).
  void reportUnknownAllowedFunctions();
  void checkCoroutine(const clang::FunctionDecl &Coroutine,
                      clang::ASTContext &Context);
  void checkCall(const clang::Expr &Call, const CallSite &Site,
                 const ExecutorState &Executor, const Readiness &Ready,
                 const clang::FunctionDecl &Coroutine,
                 const std::string &Framework, clang::ASTContext &Context);

  CatalogSession Catalog;
  /// The catalog of the translation unit being checked.
  const LoadedCatalog *Loaded = nullptr;
  /// Its calls, each resolved once.
  std::unique_ptr<CallResolver> Calls;
  /// Catalog names never reported.
  const std::vector<std::string> AllowedFunctions;
  /// Say at each wait a rule lets go which fact let it go.
  const bool ExplainSuppressions;

  llvm::DenseSet<unsigned> Reported;
};

} // namespace coro_tidy

#endif // CORO_TIDY_SYNCWAITCHECK_H
