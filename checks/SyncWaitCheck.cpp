//===----------------------------------------------------------------------===//

#include "SyncWaitCheck.h"
#include "CoroChecks.h"
#include "analysis/BlockingCalls.h"
#include "analysis/CoroutineAnalysis.h"
#include "catalog/CallMatcher.h"
#include "catalog/Frameworks.h"
#include "utils/CallSites.h"
#include "utils/CoroutineMatchers.h"
#include "utils/Coroutines.h"
#include "utils/OptionLists.h"
#include "utils/QualifiedNames.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace coro_tidy {

namespace {

/// True if \p E needs no parentheses as the operand of co_await.
bool isPostfixExpression(const Expr &E) {
  const Expr *Inner = E.IgnoreImplicit();
  return isa<CallExpr, DeclRefExpr, MemberExpr, ParenExpr,
             CXXTemporaryObjectExpr, CXXFunctionalCastExpr>(Inner);
}

/// True if \p Coroutine suspends where its author wrote it: one that never
/// does runs start to end on the thread that started it, like a function.
bool suspends(const FunctionDecl &Coroutine) {
  CoroutineKeywords Keywords =
      findCoroutineKeywords(userWrittenBody(Coroutine));
  return Keywords.Awaits || Keywords.Yields;
}

/// `sync_wait(x)` -> `co_await x`, when x is awaitable in the coroutine's
/// own framework and the call sits in the coroutine's own frame.
std::optional<FixItHint> coAwaitFix(const Expr &Call, const CallSite &Site,
                                    const std::string &Framework,
                                    const LoadedCatalog &Catalog,
                                    ASTContext &Context) {
  const auto *CallE = dyn_cast<CallExpr>(&Call);
  if (!CallE || CallE->getNumArgs() != 1 || !Site.InOwnFrame ||
      Framework.empty() || Call.getBeginLoc().isMacroID() ||
      Call.getEndLoc().isMacroID())
    return std::nullopt;
  const Expr &Awaitable = *CallE->getArg(0);
  auto It = Catalog.FrameworkOfTaskType.find(typeName(Awaitable.getType()));
  if (It == Catalog.FrameworkOfTaskType.end() || It->second != Framework)
    return std::nullopt;
  StringRef Text = sourceText(Awaitable, Context);
  std::string Replacement =
      "co_await " +
      (isPostfixExpression(Awaitable) ? Text.str() : "(" + Text.str() + ")");
  if (!Site.IsStatement)
    Replacement = "(" + Replacement + ")";
  return FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Call.getSourceRange()), Replacement);
}

} // namespace

SyncWaitCheck::SyncWaitCheck(StringRef Name, tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      Catalog(Options, reportsCatalogErrors(Name, *Context)),
      AllowedFunctions(
          parseQualifiedNameList(Options.get("AllowedFunctions", ""))),
      ExplainSuppressions(Options.get("ExplainSuppressions", false)) {}

void SyncWaitCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Catalog.store(Options, Opts);
  Options.store(Opts, "AllowedFunctions",
                serializeOptionList(AllowedFunctions));
  Options.store(Opts, "ExplainSuppressions", ExplainSuppressions);
}

void SyncWaitCheck::registerPPCallbacks(const SourceManager &, Preprocessor *PP,
                                        Preprocessor *) {
  Catalog.startTranslationUnit(*PP);
  Reported.clear();
  Calls.reset();
}

void SyncWaitCheck::registerMatchers(MatchFinder *Finder) {
  addCoroutineMatchers(*Finder, this);
}

void SyncWaitCheck::check(const MatchFinder::MatchResult &Result) {
  Loaded = Catalog.catalog();
  if (!Loaded)
    return;
  if (!Calls)
    Calls = std::make_unique<CallResolver>(*Loaded);
  for (const FunctionDecl *Coroutine :
       coroutinesOnCallerExecutor(Result, *Calls))
    checkCoroutine(*Coroutine, *Result.Context);
}

void SyncWaitCheck::checkCoroutine(const FunctionDecl &Coroutine,
                                   ASTContext &Context) {
  const std::string Framework = frameworkOf(Coroutine, *Loaded);
  CoroutineAnalysis Analysis(Coroutine, *Calls, Context);
  Analysis.forEachCall([&](const Expr &Call, const CallSite &Site,
                           const ExecutorState &Executor) {
    checkCall(Call, Site, Executor, Analysis.readinessAt(Site), Coroutine,
              Framework, Context);
  });
}

void SyncWaitCheck::checkCall(const Expr &Call, const CallSite &Site,
                              const ExecutorState &Executor,
                              const Readiness &Ready,
                              const FunctionDecl &Coroutine,
                              const std::string &Framework,
                              ASTContext &Context) {
  if (Executor.OnBlockingPool && !ExplainSuppressions)
    return;
  // A wait on a future awaited to completion returns at once.
  std::string WhyLetGo;
  const CatalogEntry *Entry =
      findSyncWait(Call, Coroutine, Ready, *Calls, Context,
                   ExplainSuppressions ? &WhyLetGo : nullptr);
  const SourceLocation Loc = reportLocation(Call, Context.getSourceManager());
  if (Entry && Executor.OnBlockingPool)
    WhyLetGo = "it runs on a pool for blocking work: an awaited executor "
               "switch comes before it on every path";
  if ((!Entry || Executor.OnBlockingPool) && !WhyLetGo.empty()) {
    if (Reported.insert(Loc.getRawEncoding()).second)
      diag(Loc, "synchronous wait '%0' not reported: %1", DiagnosticIDs::Remark)
          << (Entry ? Entry->Name : catalogName(*calleeOf(Call))) << WhyLetGo
          << Call.getSourceRange();
    return;
  }
  if (!Entry || llvm::is_contained(AllowedFunctions, Entry->Name))
    return;
  // A task that only runs the loop is its pump, not a task stalling it.
  if (Entry->RunsEventLoop && !suspends(Coroutine))
    return;
  if (!Reported.insert(Loc.getRawEncoding()).second)
    return;
  const std::string Alternative = adviceFor(*Entry, Framework, *Loaded);
  const std::string Described = describeCoroutine(Coroutine);
  diag(Loc, "synchronous wait '%0' inside %1: %2; %3")
      << Entry->Name << Described << Entry->Reason << Alternative
      << Call.getSourceRange();
  diag(Coroutine.getLocation(), "%0 declared here", DiagnosticIDs::Note)
      << Described;
  if (std::optional<FixItHint> Fix =
          coAwaitFix(Call, Site, Framework, *Loaded, Context))
    diag(Loc, "co_await the awaitable instead", DiagnosticIDs::Note) << *Fix;
}

void SyncWaitCheck::reportUnknownAllowedFunctions() {
  const LoadedCatalog *Current = Catalog.catalog();
  if (!Current || AllowedFunctions.empty())
    return;
  for (const std::string &Name :
       OptionNames().unknownFunctions(AllowedFunctions, *Current))
    configurationDiag("'%0' in option '%1.AllowedFunctions' names no catalog "
                      "entry")
        << Name << getID();
}

void SyncWaitCheck::onEndOfTranslationUnit() {
  reportUnknownAllowedFunctions();
  Catalog.finishTranslationUnit(*this);
}

} // namespace coro_tidy
