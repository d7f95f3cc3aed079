//===----------------------------------------------------------------------===//
// coro-blocking-call
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_BLOCKINGCALLCHECK_H
#define CORO_TIDY_BLOCKINGCALLCHECK_H

#include "analysis/BlockingCalls.h"
#include "analysis/CoroutineAnalysis.h"
#include "analysis/summaries/CallSummaries.h"
#include "analysis/summaries/ProjectIndex.h"
#include "catalog/CatalogSession.h"
#include "catalog/OptionNames.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "utils/CategoryFilter.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace coro_tidy {

/// Finds blocking work on a coroutine's thread: calls to blocking APIs (as
/// listed in the blocking-API catalog, or annotated coro::blocking) made in
/// a coroutine body, and calls to helper functions whose bodies reach one.
/// They stall the thread that runs the coroutine and every coroutine sharing
/// it. The message names the alternative in the coroutine's framework.
///
/// The check matches coroutine bodies and templates, walks each body for the
/// calls that run on its thread (analysis/CoroutineBody.h) and asks the CFG
/// flows (analysis/flows/ExecutorFlow.h, analysis/flows/LockFlow.h) where they
/// run and under which locks. TK_AsIs: instantiations must be seen to resolve
/// dependent callees, and the walk skips the coroutine machinery itself.
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
  /// One coroutine being checked.
  struct CoroutineScan {
    const clang::FunctionDecl &Coroutine;
    std::string Framework;
    CoroutineAnalysis &Analysis;
  };
  /// One call being reported.
  struct Finding {
    const clang::Expr &Call;
    const CallSite &Site;
    const ExecutorState &Executor;
  };

  void checkCoroutine(const clang::FunctionDecl &Coroutine,
                      clang::ASTContext &Context);
  void checkCall(const Finding &Call, CoroutineScan &Scan,
                 clang::ASTContext &Context);
  bool isReported(llvm::StringRef Api, llvm::StringRef Category);
  bool isReported(const CatalogEntry &Entry);
  /// Whether Categories or AllowedFunctions name anything to check.
  bool namesOptionValues() const;
  void noteAnnotated(const clang::FunctionDecl &Function);
  /// Warns of a category glob or allowed function nothing knows (a typo).
  void reportUnknownOptionNames();
  /// The chain from \p Helper, called where \p Ready holds.
  std::optional<BlockingChain> chainFrom(const FunctionSummary::Callee &Helper,
                                         const Readiness &Ready,
                                         clang::ASTContext &Context);
  /// The catalog entry a chain ends in: its own, or the current catalog's
  /// for an API the index names.
  const CatalogEntry &chainEntry(const BlockingChain &Chain);

  void reportDirect(const Finding &Call, const CatalogEntry &Entry,
                    CoroutineScan &Scan, clang::ASTContext &Context);
  void reportChain(const Finding &Call, const clang::FunctionDecl &Helper,
                   const BlockingChain &Chain, CoroutineScan &Scan,
                   clang::ASTContext &Context);
  /// One note per hop of \p Chain: at the call in this translation unit,
  /// or at the place the index gives in another file.
  void addChainNotes(const Finding &Call, const BlockingChain &Chain,
                     clang::SourceManager &SM);
  /// Loads the summary index for the translation unit (the configured one,
  /// else the project's beside its compile database), reporting why not.
  void loadSummaryIndex(const clang::SourceManager &SM);
  /// Says once, on stderr, what the index does not know about this
  /// translation unit or the units its chains went through.
  void reportIndexState();
  /// The file of an index hop that changed since it was indexed, if any.
  std::optional<std::string> changedSinceIndexed(const BlockingChain::Hop &Hop);
  /// Writes the translation unit's facts for the project's summary index.
  void exportSummaries(clang::ASTContext &Context);
  bool reportTwinOnly(const Finding &Call, CoroutineScan &Scan,
                      clang::ASTContext &Context);
  bool reportDiscardedSwitch(const Finding &Call, CoroutineScan &Scan,
                             clang::ASTContext &Context);
  /// The notes every finding on a coroutine's thread carries: where the
  /// coroutine is, hops that did not move it, locks held meanwhile.
  void addContextNotes(const Finding &Call, CoroutineScan &Scan,
                       clang::ASTContext &Context);
  bool claim(const clang::Expr &Call, clang::SourceLocation Loc,
             const void *What);
  /// With ExplainSuppressions: a remark at a call a rule let go, and why.
  void explainLetGo(const clang::Expr &Call, llvm::StringRef Api,
                    llvm::StringRef Why, clang::ASTContext &Context);

  CatalogSession Catalog;
  /// Catalog names never reported.
  const std::vector<std::string> AllowedFunctions;
  /// Which catalog categories are reported; opt-in ones only by name.
  const std::string CategoriesSpec;
  /// Return types of synchronous generators, skipped unless CheckGenerators.
  const std::vector<std::string> GeneratorTypes;
  const bool CheckGenerators;
  /// Follow calls into helper functions, at most MaxCallDepth deep.
  const bool FollowCalls;
  const unsigned MaxCallDepth;
  /// Descriptor I/O shown non-blocking is not reported.
  const bool IgnoreNonBlockingDescriptors;
  /// Say at each call a rule lets go which fact let it go.
  const bool ExplainSuppressions;
  /// The project's summary index, for helpers defined in other files.
  const std::string SummaryIndexFile;
  /// Where the translation unit's facts are written for the index.
  const std::string ExportSummariesDir;

  // Per translation unit: clang-tidy creates the check for each one, and
  // clangd reuses none of this across ASTs.
  const LoadedCatalog *Loaded = nullptr;
  std::unique_ptr<CategoryFilter> Categories;
  OptionNames NamesSeen;
  std::unique_ptr<LockVocabulary> Locks;
  std::unique_ptr<BlockingClassifier> Classifier;
  std::unique_ptr<CallSummaries> Summaries;
  std::shared_ptr<const SummaryIndex> Index;
  /// Where Index was read from, and how current its entries are.
  std::string IndexPath;
  /// The main file, relative to the index's directory.
  std::string MainFile;
  std::unique_ptr<IndexFreshness> Freshness;
  /// Units of the index whose out-of-date facts findings used: (main file,
  /// the input that changed).
  llvm::MapVector<uint32_t, std::string> StaleUnitsUsed;
  /// The AST to export facts of, once every coroutine is checked.
  clang::ASTContext *ExportContext = nullptr;
  llvm::DenseMap<const clang::FunctionDecl *, std::optional<BlockingChain>>
      Chains;
  /// Catalog-like entries for APIs the index names but the catalog does not
  /// (a coro::blocking annotation in another file).
  std::vector<std::unique_ptr<CatalogEntry>> IndexEntries;
  /// (expansion location, what) pairs already reported, so that a call in a
  /// template or a macro is reported once.
  llvm::DenseSet<std::pair<unsigned, const void *>> Reported;
  /// Calls already reported, by their own location.
  llvm::DenseSet<clang::SourceLocation> ReportedCalls;
};

} // namespace coro_tidy

#endif // CORO_TIDY_BLOCKINGCALLCHECK_H
