//===----------------------------------------------------------------------===//
// coro-blocking-call
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_BLOCKINGCALLCHECK_H
#define CORO_TIDY_BLOCKINGCALLCHECK_H

#include "catalog/CatalogSession.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "utils/CategoryFilter.h"
#include "utils/CoroutineBody.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace coro_tidy {

/// Finds calls to blocking APIs (sleeps, locks, file, network, DNS, process
/// and database I/O, as listed in the blocking-API catalog) made directly in
/// a coroutine body, where they stall the thread that runs the coroutine and
/// every coroutine sharing it.
///
/// Besides the catalog, functions annotated
/// [[clang::annotate("coro::blocking")]] are reported and those annotated
/// "coro::nonblocking" never are. The message names the alternative in the
/// coroutine's framework, or an awaitable twin declared beside the blocking
/// function.
///
/// The check matches function definitions and walks coroutine bodies itself
/// (utils/CoroutineBody.h) with TK_AsIs: template instantiations must be
/// seen to resolve dependent callees, and the walk skips the implicit
/// coroutine machinery on its own.
class BlockingCallCheck : public clang::tidy::ClangTidyCheck {
public:
  BlockingCallCheck(llvm::StringRef Name,
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
  /// What one coroutine's walk needs.
  struct CoroutineScan {
    const clang::FunctionDecl &Coroutine;
    std::string Framework;
    /// Variables awaited, with where: a later get() on them does not block.
    AwaitedVariableMap Awaited;
  };

  void checkCall(const clang::Expr &Call, const CallSite &Site,
                 const CoroutineScan &Scan, clang::ASTContext &Context);
  const CatalogEntry *findBlockingEntry(const clang::Expr &Call,
                                        clang::ASTContext &Context);
  /// An entry for a call the catalog does not list: annotated blocking, or
  /// with an awaitable twin.
  const CatalogEntry *syntheticEntry(const clang::FunctionDecl &Callee,
                                     llvm::StringRef Category,
                                     llvm::StringRef Reason);
  bool isReported(const CatalogEntry &Entry) const;
  /// The entry's alternative in \p Framework's terms.
  std::string alternativeFor(const CatalogEntry &Entry,
                             llvm::StringRef Framework) const;
  void reportCall(const clang::Expr &Call, const CatalogEntry &Entry,
                  bool IsConstruction, const CallSite &Site,
                  const CoroutineScan &Scan, clang::ASTContext &Context);

  CatalogSession Catalog;
  /// The catalog of the translation unit being checked.
  const LoadedCatalog *Loaded = nullptr;
  /// Catalog names never reported.
  const std::vector<std::string> AllowedFunctions;
  /// Which catalog categories are reported.
  const CategoryFilter Categories;
  /// Return types of synchronous generators, skipped unless CheckGenerators.
  const std::vector<std::string> GeneratorTypes;
  const bool CheckGenerators;

  // Per translation unit: clang-tidy creates the check for each one.
  /// (expansion location, entry) pairs already reported, so that a call in a
  /// template or a macro is reported once.
  llvm::DenseSet<std::pair<unsigned, const CatalogEntry *>> Reported;
  /// Entries made for calls the catalog does not list.
  std::map<const clang::FunctionDecl *, std::unique_ptr<CatalogEntry>>
      Synthetic;
};

} // namespace coro_tidy

#endif // CORO_TIDY_BLOCKINGCALLCHECK_H
