//===----------------------------------------------------------------------===//

#include "BlockingCallCheck.h"
#include "CoroChecks.h"
#include "analysis/AsyncTwins.h"
#include "catalog/CallMatcher.h"
#include "catalog/Frameworks.h"
#include "utils/CallSites.h"
#include "utils/CoroutineMatchers.h"
#include "utils/Coroutines.h"
#include "utils/Declarations.h"
#include "utils/OptionLists.h"
#include "utils/QualifiedNames.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace coro_tidy {

namespace {

constexpr llvm::StringLiteral DefaultGeneratorTypes =
    "std::generator;cppcoro::generator;cppcoro::recursive_generator;"
    "coro::generator;QCoro::Generator";

/// The category of findings made from an awaitable twin alone.
constexpr llvm::StringLiteral AsyncTwinCategory = "async-twin";

/// \p Fix's replacement for \p Call, or nothing if it cannot be made exact.
std::optional<std::string> fixText(const CatalogFix &Fix, const Expr &Call,
                                   ASTContext &Context) {
  if (Call.getBeginLoc().isMacroID() || Call.getEndLoc().isMacroID())
    return std::nullopt;
  if (!llvm::all_of(Fix.Requires, [&](const std::string &Name) {
        return isDeclared(Context, Name);
      }))
    return std::nullopt;
  std::string Text = Fix.Replacement;
  const auto *CallE = dyn_cast<CallExpr>(&Call);
  for (unsigned I = 0; CallE && I < CallE->getNumArgs(); ++I) {
    const std::string Placeholder = "${" + std::to_string(I + 1) + "}";
    const std::string Arg = sourceText(*CallE->getArg(I), Context).str();
    for (size_t Pos = Text.find(Placeholder); Pos != std::string::npos;
         Pos = Text.find(Placeholder, Pos + Arg.size()))
      Text.replace(Pos, Placeholder.size(), Arg);
  }
  if (StringRef(Text).contains("${"))
    return std::nullopt; // an argument the call does not have
  return Text;
}

/// How a chain names a function: 'f', 'C' for a constructor, or "the
/// lambda".
std::string functionName(const FunctionDecl &Function) {
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&Function))
    return "'" + catalogName(*Ctor->getParent()) + "'";
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&Function))
    if (Method->getParent()->isLambda())
      return "the lambda";
  return "'" + catalogName(Function) + "'";
}

/// "calls 'f'" or "constructs 'C'": what a hop of a chain does.
std::string hopAction(const Expr &Call, StringRef Callee) {
  return (isa<CXXConstructExpr>(Call) ? "constructs " : "calls ") +
         Callee.str();
}

} // namespace

BlockingCallCheck::BlockingCallCheck(StringRef Name,
                                     tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      Catalog(Options, reportsCatalogErrors(Name, *Context)),
      AllowedFunctions(
          parseQualifiedNameList(Options.get("AllowedFunctions", ""))),
      CategoriesSpec(Options.get("Categories", "*")),
      GeneratorTypes(parseQualifiedNameList(
          Options.get("GeneratorTypes", DefaultGeneratorTypes))),
      CheckGenerators(Options.get("CheckGenerators", false)),
      FollowCalls(Options.get("FollowCalls", true)),
      MaxCallDepth(Options.get("MaxCallDepth", 8U)),
      IgnoreNonBlockingDescriptors(
          Options.get("IgnoreNonBlockingDescriptors", true)) {}

void BlockingCallCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Catalog.store(Options, Opts);
  Options.store(Opts, "AllowedFunctions",
                serializeOptionList(AllowedFunctions));
  Options.store(Opts, "Categories", CategoriesSpec);
  Options.store(Opts, "GeneratorTypes", serializeOptionList(GeneratorTypes));
  Options.store(Opts, "CheckGenerators", CheckGenerators);
  Options.store(Opts, "FollowCalls", FollowCalls);
  Options.store(Opts, "MaxCallDepth", MaxCallDepth);
  Options.store(Opts, "IgnoreNonBlockingDescriptors",
                IgnoreNonBlockingDescriptors);
}

void BlockingCallCheck::registerPPCallbacks(const SourceManager &,
                                            Preprocessor *PP, Preprocessor *) {
  Catalog.startTranslationUnit(*PP);
  Loaded = Catalog.catalog();
  Reported.clear();
  Chains.clear();
  Summaries.reset();
  Classifier.reset();
  Locks.reset();
  Categories.reset();
  if (!Loaded)
    return;
  std::vector<std::string> OptIn = Loaded->OptInCategories;
  OptIn.push_back(AsyncTwinCategory.str());
  Categories = std::make_unique<CategoryFilter>(CategoriesSpec, OptIn);
  Locks = std::make_unique<LockVocabulary>(*Loaded);
  Classifier = std::make_unique<BlockingClassifier>(
      *Loaded, IgnoreNonBlockingDescriptors);
  Summaries = std::make_unique<CallSummaries>(*Loaded, *Classifier);
}

void BlockingCallCheck::registerMatchers(MatchFinder *Finder) {
  addCoroutineMatchers(*Finder, this);
}

void BlockingCallCheck::check(const MatchFinder::MatchResult &Result) {
  if (!Loaded)
    return;
  for (const FunctionDecl *Coroutine :
       coroutinesOnCallerExecutor(Result, *Loaded))
    checkCoroutine(*Coroutine, *Result.Context);
}

void BlockingCallCheck::checkCoroutine(const FunctionDecl &Coroutine,
                                       ASTContext &Context) {
  if (!CheckGenerators && isSynchronousGenerator(Coroutine, GeneratorTypes))
    return;
  CoroutineAnalysis Analysis(Coroutine, *Loaded, Context);
  CoroutineScan Scan{Coroutine, frameworkOf(Coroutine, *Loaded),
                     awaitedVariables(Coroutine), Analysis};
  Analysis.forEachCall([&](const Expr &Call, const CallSite &Site,
                           const ExecutorState &Executor) {
    checkCall(Finding{Call, Site, Executor}, Scan, Context);
  });
}

bool BlockingCallCheck::isReported(const CatalogEntry &Entry) const {
  return Categories->isEnabled(Entry.Category) &&
         !llvm::is_contained(AllowedFunctions, Entry.Name);
}

void BlockingCallCheck::checkCall(const Finding &Call, CoroutineScan &Scan,
                                  ASTContext &Context) {
  // A discarded switch is a mistake wherever the coroutine runs: the code
  // after it was meant to run elsewhere.
  if (reportDiscardedSwitch(Call, Scan, Context) ||
      Call.Executor.OnBlockingPool)
    return;
  // get() on a future the coroutine already awaited returns at once.
  if (isOnAwaitedVariable(Call.Call, Scan.Awaited, Context.getSourceManager()))
    return;
  if (const CatalogEntry *Entry = Classifier->classify(
          Call.Call, Scan.Coroutine, Context, /*IncludeSyncWaits=*/false,
          [this](const CatalogEntry &Entry) { return isReported(Entry); })) {
    reportDirect(Call, *Entry, Scan, Context);
    return;
  }
  if (FollowCalls)
    if (const FunctionDecl *Helper =
            followedCallee(Call.Call, *Loaded, Context))
      if (const std::optional<BlockingChain> &Chain =
              chainFrom(*Helper, Scan, Context)) {
        reportChain(Call, *Chain, Scan, Context);
        return;
      }
  reportTwinOnly(Call, Scan, Context);
}

const std::optional<BlockingChain> &
BlockingCallCheck::chainFrom(const FunctionDecl &Helper, CoroutineScan &Scan,
                             ASTContext &Context) {
  auto [It, Inserted] = Chains.try_emplace(Helper.getCanonicalDecl());
  if (Inserted)
    It->second = Summaries->shortestChain(
        Helper, MaxCallDepth, Context,
        [&](const CatalogEntry &Entry, const Expr &Call) {
          // A lambda of the coroutine may wait on a variable the coroutine
          // already awaited: it is ready.
          return isReported(Entry) &&
                 !isOnAwaitedVariable(Call, Scan.Awaited,
                                      Context.getSourceManager());
        });
  return It->second;
}

std::string BlockingCallCheck::alternativeFor(const CatalogEntry &Entry,
                                              StringRef Framework) const {
  auto Specific = Entry.Alternatives.find(Framework.str());
  std::string Text = Specific != Entry.Alternatives.end() ? Specific->second
                                                          : Entry.Alternative;
  auto Offload = Loaded->OffloadOf.find(Framework);
  const std::string OffloadText =
      Offload != Loaded->OffloadOf.end()
          ? Offload->second
          : "offload it to a thread pool and co_await the result";
  constexpr llvm::StringLiteral Placeholder = "${offload}";
  for (size_t Pos = Text.find(Placeholder); Pos != std::string::npos;
       Pos = Text.find(Placeholder, Pos + OffloadText.size()))
    Text.replace(Pos, Placeholder.size(), OffloadText);
  return Text;
}

bool BlockingCallCheck::claimLocation(SourceLocation Loc, const void *What) {
  return Reported.insert({Loc.getRawEncoding(), What}).second;
}

void BlockingCallCheck::addContextNotes(const Finding &Call,
                                        CoroutineScan &Scan,
                                        ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  diag(Scan.Coroutine.getLocation(), "%0 declared here", DiagnosticIDs::Note)
      << describeCoroutine(Scan.Coroutine);
  for (const TrackedLock *Lock :
       Scan.Analysis.locksHeldDuring(Call.Call, Call.Site, *Locks))
    diag(Lock->Where, "%0 is held during this call, so every thread waiting "
                      "for it waits too",
         DiagnosticIDs::Note)
        << Lock->Description;
  for (const NonMovingHop &Hop : Call.Executor.NonMovingHops)
    diag(reportLocation(*Hop.Call, SM), "%0", DiagnosticIDs::Note)
        << Hop.Entry->Reason;
}

void BlockingCallCheck::reportDirect(const Finding &Call,
                                     const CatalogEntry &Entry,
                                     CoroutineScan &Scan, ASTContext &Context) {
  const SourceLocation Loc =
      reportLocation(Call.Call, Context.getSourceManager());
  if (!claimLocation(Loc, &Entry))
    return;
  const bool IsConstruction = isa<CXXConstructExpr>(Call.Call);
  const std::string What = IsConstruction
                               ? "blocking construction of '" + Entry.Name + "'"
                               : "blocking call to '" + Entry.Name + "'";
  diag(Loc, "%0 (%1) stalls the thread running %2: %3; %4")
      << What << Entry.Category << describeCoroutine(Scan.Coroutine)
      << Entry.Reason << alternativeFor(Entry, Scan.Framework)
      << Call.Call.getSourceRange();
  addContextNotes(Call, Scan, Context);

  auto Fix = Entry.Fixes.find(Scan.Framework);
  if (Fix == Entry.Fixes.end() || !Call.Site.InOwnFrame ||
      !Call.Site.IsStatement)
    return;
  if (std::optional<std::string> Text = fixText(Fix->second, Call.Call, Context))
    diag(Loc, "co_await the %0 equivalent instead", DiagnosticIDs::Note)
        << Scan.Framework
        << FixItHint::CreateReplacement(
               CharSourceRange::getTokenRange(Call.Call.getSourceRange()),
               *Text);
}

void BlockingCallCheck::reportChain(const Finding &Call,
                                    const BlockingChain &Chain,
                                    CoroutineScan &Scan, ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  const SourceLocation Loc = reportLocation(Call.Call, SM);
  if (!claimLocation(Loc, Chain.Entry))
    return;
  const FunctionDecl &Helper = *Chain.Hops.front().Function;
  const NamedDecl *Twin = findAsyncTwin(Helper, *Loaded);
  const std::string Alternative =
      Twin ? "co_await '" + catalogName(*Twin) + "' instead"
           : alternativeFor(*Chain.Entry, Scan.Framework);
  diag(Loc, "%0 blocks: it reaches '%1' (%2), which stalls the thread "
            "running %3: %4; %5")
      << ((isa<CXXConstructExpr>(Call.Call) ? "construction of "
                                             : "call to ") +
          functionName(Helper))
      << Chain.Entry->Name
      << Chain.Entry->Category << describeCoroutine(Scan.Coroutine)
      << Chain.Entry->Reason << Alternative << Call.Call.getSourceRange();
  addContextNotes(Call, Scan, Context);
  for (size_t I = 0; I < Chain.Hops.size(); ++I) {
    const BlockingChain::Hop &Hop = Chain.Hops[I];
    const SourceLocation HopLoc = reportLocation(*Hop.Call, SM);
    if (SM.isInSystemHeader(HopLoc))
      continue;
    const std::string Callee = I + 1 < Chain.Hops.size()
                                   ? functionName(*Chain.Hops[I + 1].Function)
                                   : "'" + Chain.Entry->Name + "'";
    diag(HopLoc, "%0 %1 here", DiagnosticIDs::Note)
        << functionName(*Hop.Function) << hopAction(*Hop.Call, Callee);
  }
}

bool BlockingCallCheck::reportTwinOnly(const Finding &Call,
                                       CoroutineScan &Scan,
                                       ASTContext &Context) {
  const auto *CallE = dyn_cast<CallExpr>(&Call.Call);
  const FunctionDecl *Callee = CallE ? CallE->getDirectCallee() : nullptr;
  if (!Callee || Callee->hasBody() ||
      isAwaitableType(Callee->getReturnType(), *Loaded) ||
      !Categories->isEnabled(AsyncTwinCategory))
    return false;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee))
    if (Method->isPureVirtual())
      return false;
  const NamedDecl *Twin = findAsyncTwin(*Callee, *Loaded);
  if (!Twin || isBranchOfTwinDispatch(Call.Call, *Twin, Context))
    return false;
  const SourceLocation Loc =
      reportLocation(Call.Call, Context.getSourceManager());
  if (!claimLocation(Loc, Callee->getCanonicalDecl()))
    return false;
  diag(Loc, "an awaitable twin '%0' exists; the synchronous '%1' (%2) may "
            "block the thread running %3; co_await '%0' instead")
      << catalogName(*Twin) << catalogName(*Callee) << AsyncTwinCategory
      << describeCoroutine(Scan.Coroutine) << Call.Call.getSourceRange();
  addContextNotes(Call, Scan, Context);
  return true;
}

bool BlockingCallCheck::reportDiscardedSwitch(const Finding &Call,
                                              CoroutineScan &Scan,
                                              ASTContext &Context) {
  if (!Call.Site.IsStatement || !Call.Site.InOwnFrame)
    return false;
  const CatalogEntry *Switch = executorSwitch(Call.Call, *Loaded, Context);
  if (!Switch)
    return false;
  const SourceLocation Loc =
      reportLocation(Call.Call, Context.getSourceManager());
  if (!claimLocation(Loc, Switch))
    return true;
  diag(Loc, "result of executor switch '%0' is discarded: %1 stays on the "
            "thread running it; co_await the switch")
      << Switch->Name << describeCoroutine(Scan.Coroutine)
      << Call.Call.getSourceRange();
  diag(Scan.Coroutine.getLocation(), "%0 declared here", DiagnosticIDs::Note)
      << describeCoroutine(Scan.Coroutine);
  if (!Call.Call.getBeginLoc().isMacroID())
    diag(Loc, "co_await the switch", DiagnosticIDs::Note)
        << FixItHint::CreateInsertion(Call.Call.getBeginLoc(), "co_await ");
  return true;
}

void BlockingCallCheck::onEndOfTranslationUnit() {
  Catalog.finishTranslationUnit(*this);
}

} // namespace coro_tidy
