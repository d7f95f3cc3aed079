//===----------------------------------------------------------------------===//
// coro-lock-across-suspend
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_LOCKACROSSSUSPENDCHECK_H
#define CORO_TIDY_LOCKACROSSSUSPENDCHECK_H

#include "catalog/CatalogSession.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>
#include <string>
#include <vector>

namespace coro_tidy {

/// Finds locks held across a suspension point (co_await, co_yield) of a
/// coroutine on some path: lock guards (the catalog's guards, scoped-lockable
/// types, LockGuardTypes) alive and not unlocked, and mutexes locked with
/// lock() and not yet unlocked. Every other thread wanting the lock waits for
/// as long as the coroutine sleeps, and the coroutine may resume on another
/// thread and unlock a mutex it does not own there. Async mutexes, whose
/// waiters suspend instead of blocking, are not locks here.
///
/// Solves a may-hold lockset on each coroutine body's CFG
/// (analysis/flows/LockFlow.h); TK_AsIs, so template instantiations are
/// checked.
class LockAcrossSuspendCheck : public clang::tidy::ClangTidyCheck {
public:
  LockAcrossSuspendCheck(llvm::StringRef Name,
                         clang::tidy::ClangTidyContext *Context);

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
  void checkCoroutine(const clang::FunctionDecl &Coroutine,
                      clang::ASTContext &Context);
  CatalogSession Catalog;
  /// The catalog of the translation unit being checked.
  const LoadedCatalog *Loaded = nullptr;
  /// Lock guard class templates and mutex types besides the catalog's.
  const std::vector<std::string> LockGuardTypes;
  const std::vector<std::string> MutexTypes;

  /// Lock locations already reported (templates, repeated matches).
  llvm::DenseSet<unsigned> Reported;
};

} // namespace coro_tidy

#endif // CORO_TIDY_LOCKACROSSSUSPENDCHECK_H
