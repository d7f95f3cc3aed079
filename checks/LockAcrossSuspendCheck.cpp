//===----------------------------------------------------------------------===//

#include "LockAcrossSuspendCheck.h"
#include "CheckDescriptions.h"
#include "CoroChecks.h"
#include "analysis/flows/BodyCfg.h"
#include "analysis/flows/LockFlow.h"
#include "catalog/Frameworks.h"
#include "utils/CoroutineMatchers.h"
#include "utils/Coroutines.h"
#include "utils/OptionLists.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace coro_tidy {

LockAcrossSuspendCheck::LockAcrossSuspendCheck(StringRef Name,
                                               tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      Catalog(Options, reportsCatalogErrors(Name, *Context)),
      LockGuardTypes(parseQualifiedNameList(Options.get("LockGuardTypes", ""))),
      MutexTypes(parseQualifiedNameList(Options.get("MutexTypes", ""))) {}

void LockAcrossSuspendCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  Catalog.store(Options, Opts);
  Options.store(Opts, "LockGuardTypes", serializeOptionList(LockGuardTypes));
  Options.store(Opts, "MutexTypes", serializeOptionList(MutexTypes));
}

void LockAcrossSuspendCheck::registerPPCallbacks(const SourceManager &,
                                                 Preprocessor *PP,
                                                 Preprocessor *) {
  Catalog.startTranslationUnit(*PP);
  Loaded = Catalog.catalog();
  Reported.clear();
}

void LockAcrossSuspendCheck::registerMatchers(MatchFinder *Finder) {
  addCoroutineMatchers(*Finder, this);
}

void LockAcrossSuspendCheck::check(const MatchFinder::MatchResult &Result) {
  if (!Loaded)
    return;
  for (const FunctionDecl *Coroutine : matchedCoroutines(Result))
    checkCoroutine(*Coroutine, *Result.Context);
}

void LockAcrossSuspendCheck::checkCoroutine(const FunctionDecl &Coroutine,
                                            ASTContext &Context) {
  std::unique_ptr<BodyCfg> Cfg = BodyCfg::build(Coroutine, Context);
  if (!Cfg)
    return;
  const LockVocabulary Vocabulary(*Loaded, LockGuardTypes, MutexTypes);
  const LockFlow Flow(*Cfg, Coroutine, Context, Vocabulary);

  const std::string Framework = frameworkOf(Coroutine, *Loaded);
  auto Alternative = Loaded->LockAlternativeOf.find(Framework);
  const std::string Advice =
      Alternative != Loaded->LockAlternativeOf.end()
          ? Alternative->second
          : describeCheck(LockAcrossSuspendName)->Fix.str();
  const std::string Described = describeCoroutine(Coroutine);
  for (unsigned Index = 0; Index < Flow.locks().size(); ++Index) {
    llvm::ArrayRef<SourceLocation> Suspensions = Flow.suspensionsHolding(Index);
    const TrackedLock &Lock = Flow.locks()[Index];
    if (Suspensions.empty() ||
        !Reported.insert(Lock.Where.getRawEncoding()).second)
      continue;
    diag(Lock.Where,
         "%0 is held across a suspension point of %1: other threads wanting "
         "it wait while the coroutine is suspended, and it may resume on "
         "another thread and unlock it there; %2")
        << Lock.Description << Described << Advice;
    for (SourceLocation Suspension : Suspensions)
      diag(Suspension, "suspension point is here", DiagnosticIDs::Note);
  }
}

void LockAcrossSuspendCheck::onEndOfTranslationUnit() {
  Catalog.finishTranslationUnit(*this);
}

} // namespace coro_tidy
