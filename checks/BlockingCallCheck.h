//===----------------------------------------------------------------------===//
// coro-blocking-call
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_BLOCKINGCALLCHECK_H
#define CORO_TIDY_BLOCKINGCALLCHECK_H

#include "catalog/CatalogOptions.h"
#include "utils/CategoryFilter.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>
#include <string>
#include <vector>

namespace coro_tidy {

/// Finds calls to blocking APIs (sleeps, locks, file, network, DNS, process
/// and database I/O, as listed in the blocking-API catalog) made directly in
/// a coroutine body, where they stall the thread that runs the coroutine and
/// every coroutine sharing it.
///
/// The check matches function definitions and walks coroutine bodies itself
/// (utils/CoroutineBody.h) with TK_AsIs: template instantiations must be
/// seen to resolve dependent callees, and the walk skips the implicit
/// coroutine machinery on its own.
class BlockingCallCheck : public clang::tidy::ClangTidyCheck {
public:
  BlockingCallCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);

  bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const override {
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
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  void checkCall(const clang::Expr &Call, const clang::FunctionDecl &Coroutine,
                 const clang::SourceManager &SM);
  bool isReported(const CatalogEntry &Entry) const;

  const CatalogOptions Catalog;
  /// Catalog names never reported.
  const std::vector<std::string> AllowedFunctions;
  /// Which catalog categories are reported.
  const CategoryFilter Categories;

  // Per translation unit: clang-tidy creates the check for each one.
  std::shared_ptr<const LoadedCatalog> Loaded;
  clang::SourceManager *Sources = nullptr;
  /// (expansion location, entry) pairs already reported, so that a call in a
  /// template or a macro is reported once.
  llvm::DenseSet<std::pair<unsigned, const CatalogEntry *>> Reported;
};

} // namespace coro_tidy

#endif // CORO_TIDY_BLOCKINGCALLCHECK_H
