//===----------------------------------------------------------------------===//

#include "BlockingCallCheck.h"
#include "CoroChecks.h"
#include "analysis/AsyncTwins.h"
#include "analysis/summaries/SummaryExport.h"
#include "catalog/CallMatcher.h"
#include "catalog/Frameworks.h"
#include "utils/CallSites.h"
#include "utils/CoroutineMatchers.h"
#include "utils/Coroutines.h"
#include "utils/Declarations.h"
#include "utils/OptionLists.h"
#include "utils/Paths.h"
#include "utils/QualifiedNames.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

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

/// The value of the environment variable \p Name if it is set, else
/// \p Configured: how the coro-tidy driver's --export-summaries and
/// --summary-index override the configuration.
std::string overriddenByEnvironment(const char *Name,
                                    llvm::StringRef Configured) {
  std::optional<std::string> Value = llvm::sys::Process::GetEnv(Name);
  return Value && !Value->empty() ? *Value : Configured.str();
}

/// How a remark names what \p Call calls or constructs.
std::string calledName(const Expr &Call) {
  const FunctionDecl *Callee = calleeOf(Call);
  if (const auto *Ctor = dyn_cast_or_null<CXXConstructorDecl>(Callee))
    return catalogName(*Ctor->getParent());
  return Callee ? catalogName(*Callee) : "";
}

/// "calls" or "constructs": what a hop of a chain does.
StringRef hopAction(bool Construct) {
  return Construct ? "constructs" : "calls";
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
          Options.get("IgnoreNonBlockingDescriptors", true)),
      ExplainSuppressions(Options.get("ExplainSuppressions", false)),
      SummaryIndexFile(overriddenByEnvironment(
          "CORO_TIDY_SUMMARY_INDEX", Options.get("SummaryIndex", ""))),
      ExportSummariesDir(overriddenByEnvironment(
          "CORO_TIDY_EXPORT_SUMMARIES", Options.get("ExportSummaries", ""))) {}

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
  Options.store(Opts, "ExplainSuppressions", ExplainSuppressions);
  Options.store(Opts, "SummaryIndex", SummaryIndexFile);
  Options.store(Opts, "ExportSummaries", ExportSummariesDir);
}

void BlockingCallCheck::registerPPCallbacks(const SourceManager &SM,
                                            Preprocessor *PP, Preprocessor *) {
  Catalog.startTranslationUnit(*PP);
  Loaded = Catalog.catalog();
  Reported.clear();
  ReportedCalls.clear();
  Chains.clear();
  IndexEntries.clear();
  ExportContext = nullptr;
  Index.reset();
  IndexPath.clear();
  MainFile.clear();
  Freshness.reset();
  StaleUnitsUsed.clear();
  Summaries.reset();
  Classifier.reset();
  Locks.reset();
  Categories.reset();
  NamesSeen.clear();
  NamesSeen.noteCategory(AsyncTwinCategory);
  NamesSeen.noteCategory(AnnotatedCategory);
  if (!Loaded)
    return;
  std::vector<std::string> OptIn = Loaded->OptInCategories;
  OptIn.push_back(AsyncTwinCategory.str());
  Categories = std::make_unique<CategoryFilter>(CategoriesSpec, OptIn);
  Locks = std::make_unique<LockVocabulary>(*Loaded);
  Classifier = std::make_unique<BlockingClassifier>(
      *Loaded, IgnoreNonBlockingDescriptors);
  Summaries = std::make_unique<CallSummaries>(*Classifier);
  // An export run makes the index: the one it would read is out of date,
  // or not there yet.
  if (FollowCalls && ExportSummariesDir.empty())
    loadSummaryIndex(SM);
}

void BlockingCallCheck::loadSummaryIndex(const SourceManager &SM) {
  OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
  const StringRef MainName = Main ? Main->getName() : "";
  if (!SummaryIndexFile.empty()) {
    IndexPath = resolveConfiguredPath(SummaryIndexFile, MainName);
  } else {
    std::optional<std::string> Found =
        findProjectIndex(compileDirectory(SM), absoluteMainFile(SM));
    if (!Found)
      return;
    IndexPath = std::move(*Found);
  }
  std::string Error;
  Index = getSummaryIndex(IndexPath, Error);
  if (!Index) {
    configurationDiag("%0; helpers defined in other files are not followed")
        << Error;
    return;
  }
  Freshness = std::make_unique<IndexFreshness>(*Index);
  MainFile = relativePath(absoluteMainFile(SM), "", Index->BaseDirectory);
}

std::optional<std::string>
BlockingCallCheck::changedSinceIndexed(const BlockingChain::Hop &Hop) {
  if (!Hop.IndexUnit || !Freshness || *Hop.IndexUnit >= Index->units().size())
    return std::nullopt;
  const SummaryIndex::Unit &Unit = Index->units()[*Hop.IndexUnit];
  std::optional<std::string> Changed = Freshness->changedInput(Unit);
  if (Changed)
    StaleUnitsUsed.try_emplace(*Hop.IndexUnit, *Changed);
  return Changed;
}

void BlockingCallCheck::reportIndexState() {
  if (!Index)
    return;
  const std::string Advice =
      "; run run-coro-tidy over the compile database to update it";
  const std::string Main = Index->pathOf(MainFile);
  if (const SummaryIndex::Unit *Own = Index->unitOf(MainFile)) {
    if (std::optional<std::string> Changed = Freshness->changedInput(*Own))
      llvm::errs() << "coro-tidy: the summary index '" << IndexPath
                   << "' describes '" << Main << "' as it was before '"
                   << *Changed << "' changed: other files see its old helpers"
                   << Advice << "\n";
  } else {
    llvm::errs() << "coro-tidy: '" << Main << "' is not in the summary index '"
                 << IndexPath << "': other files do not see its helpers"
                 << Advice << "\n";
  }
  for (const auto &[Unit, Changed] : StaleUnitsUsed)
    llvm::errs() << "coro-tidy: findings in '" << Main
                 << "' follow helpers of '"
                 << Index->pathOf(Index->units()[Unit].MainFile)
                 << "' as they were before '" << Changed << "' changed"
                 << Advice << "\n";
}

void BlockingCallCheck::registerMatchers(MatchFinder *Finder) {
  addCoroutineMatchers(*Finder, this);
  if (namesOptionValues())
    Finder->addMatcher(functionDecl(hasAttr(attr::Annotate)).bind("annotated"),
                       this);
  if (!ExportSummariesDir.empty())
    Finder->addMatcher(translationUnitDecl().bind("unit"), this);
}

void BlockingCallCheck::check(const MatchFinder::MatchResult &Result) {
  if (!Loaded)
    return;
  if (Result.Nodes.getNodeAs<TranslationUnitDecl>("unit")) {
    ExportContext = Result.Context;
    return;
  }
  if (const auto *Annotated =
          Result.Nodes.getNodeAs<FunctionDecl>("annotated")) {
    noteAnnotated(*Annotated);
    return;
  }
  for (const FunctionDecl *Coroutine :
       coroutinesOnCallerExecutor(Result, Classifier->calls()))
    checkCoroutine(*Coroutine, *Result.Context);
}

void BlockingCallCheck::checkCoroutine(const FunctionDecl &Coroutine,
                                       ASTContext &Context) {
  if (!CheckGenerators && isSynchronousGenerator(Coroutine, GeneratorTypes))
    return;
  CoroutineAnalysis Analysis(Coroutine, Classifier->calls(), Context);
  CoroutineScan Scan{Coroutine, frameworkOf(Coroutine, *Loaded), Analysis};
  Analysis.forEachCall([&](const Expr &Call, const CallSite &Site,
                           const ExecutorState &Executor) {
    checkCall(Finding{Call, Site, Executor}, Scan, Context);
  });
}

bool BlockingCallCheck::isReported(StringRef Api, StringRef Category) {
  if (namesOptionValues())
    NamesSeen.noteFunction(Api, Category);
  return Categories->isEnabled(Category) &&
         !llvm::is_contained(AllowedFunctions, Api);
}

bool BlockingCallCheck::isReported(const CatalogEntry &Entry) {
  return isReported(Entry.Name, Entry.Category);
}

void BlockingCallCheck::checkCall(const Finding &Call, CoroutineScan &Scan,
                                  ASTContext &Context) {
  // A discarded switch is a mistake wherever the coroutine runs: the code
  // after it was meant to run elsewhere.
  if (reportDiscardedSwitch(Call, Scan, Context) ||
      (Call.Executor.OnBlockingPool && !ExplainSuppressions))
    return;
  const Readiness Ready = Scan.Analysis.readinessAt(Call.Site);
  std::string WhyLetGo;
  const CatalogEntry *Entry = Classifier->classify(
      Call.Call, Scan.Coroutine, Ready, Context,
      /*IncludeSyncWaits=*/false,
      [this](const CatalogEntry &Entry) { return isReported(Entry); },
      ExplainSuppressions ? &WhyLetGo : nullptr);
  if (Call.Executor.OnBlockingPool) {
    if (Entry)
      explainLetGo(Call.Call, Entry->Name,
                   "it runs on a pool for blocking work: an awaited executor "
                   "switch comes before it on every path",
                   Context);
    return;
  }
  if (Entry) {
    reportDirect(Call, *Entry, Scan, Context);
    return;
  }
  if (!WhyLetGo.empty()) {
    explainLetGo(Call.Call, calledName(Call.Call), WhyLetGo, Context);
    return;
  }
  if (FollowCalls)
    if (const FunctionDecl *Helper =
            followedCallee(Call.Call, Classifier->calls(), Context))
      if (std::optional<BlockingChain> Chain =
              chainFrom({&Call.Call, Helper}, Ready, Context)) {
        reportChain(Call, *Helper, *Chain, Scan, Context);
        return;
      }
  reportTwinOnly(Call, Scan, Context);
}

std::optional<BlockingChain>
BlockingCallCheck::chainFrom(const FunctionSummary::Callee &Helper,
                             const Readiness &Ready, ASTContext &Context) {
  auto AcceptCall = [&](const CatalogEntry &Entry, const Expr &Call) {
    // A lambda of the coroutine may wait on a variable the coroutine
    // awaited on every path to the lambda's call: it is ready.
    return isReported(Entry) && !readyObjectReason(Entry, Call, Ready);
  };
  auto AcceptApi = [&](StringRef Api, StringRef Category) {
    return isReported(Api, Category);
  };
  auto Find = [&] {
    return Summaries->shortestChain(Helper, MaxCallDepth, Context, Index.get(),
                                    {AcceptCall, AcceptApi});
  };
  // Most calls have nothing ready: their chains are the helper's own.
  if (!Ready.empty())
    return Find();
  auto [It, Inserted] = Chains.try_emplace(Helper.Function->getCanonicalDecl());
  if (Inserted)
    It->second = Find();
  return It->second;
}

const CatalogEntry &BlockingCallCheck::chainEntry(const BlockingChain &Chain) {
  if (Chain.Entry)
    return *Chain.Entry;
  for (const CatalogEntry &Entry : Loaded->Entries.lookup(Chain.Api))
    if (Entry.Category == Chain.Category)
      return Entry;
  for (const std::unique_ptr<CatalogEntry> &Entry : IndexEntries)
    if (Entry->Name == Chain.Api && Entry->Category == Chain.Category)
      return *Entry;
  // Not in this catalog: a coro::blocking annotation in another file.
  auto Entry = std::make_unique<CatalogEntry>();
  Entry->Name = Chain.Api;
  Entry->Category = Chain.Category;
  Entry->Reason = "it blocks the thread that calls it";
  Entry->Alternative = "${offload}";
  IndexEntries.push_back(std::move(Entry));
  return *IndexEntries.back();
}

bool BlockingCallCheck::claim(const Expr &Call, SourceLocation Loc,
                              const void *What) {
  // Instantiations of a template share their pattern's locations: the call
  // is reported once, whatever each one resolves it to. A macro that
  // expands its argument twice makes two calls with one place and what.
  const bool NewCall = ReportedCalls.insert(Call.getExprLoc()).second;
  const bool NewPlace = Reported.insert({Loc.getRawEncoding(), What}).second;
  return NewCall && NewPlace;
}

void BlockingCallCheck::explainLetGo(const Expr &Call, StringRef Api,
                                     StringRef Why, ASTContext &Context) {
  const SourceLocation Loc = reportLocation(Call, Context.getSourceManager());
  if (!claim(Call, Loc, &Call))
    return;
  diag(Loc, "%0 '%1' not reported: %2", DiagnosticIDs::Remark)
      << (isa<CXXConstructExpr>(Call) ? "construction of" : "call to") << Api
      << Why << Call.getSourceRange();
}

void BlockingCallCheck::addContextNotes(const Finding &Call,
                                        CoroutineScan &Scan,
                                        ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  diag(Scan.Coroutine.getLocation(), "%0 declared here", DiagnosticIDs::Note)
      << describeCoroutine(Scan.Coroutine);
  for (const TrackedLock *Lock :
       Scan.Analysis.locksHeldDuring(Call.Call, Call.Site, *Locks))
    diag(Lock->Where,
         "%0 is held during this call, so every thread waiting "
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
  if (!claim(Call.Call, Loc, &Entry))
    return;
  const bool IsConstruction = isa<CXXConstructExpr>(Call.Call);
  const std::string What = IsConstruction
                               ? "blocking construction of '" + Entry.Name + "'"
                               : "blocking call to '" + Entry.Name + "'";
  diag(Loc, "%0 (%1) stalls the thread running %2: %3; %4")
      << What << Entry.Category << describeCoroutine(Scan.Coroutine)
      << Entry.Reason << adviceFor(Entry, Scan.Framework, *Loaded)
      << Call.Call.getSourceRange();
  addContextNotes(Call, Scan, Context);

  auto Fix = Entry.Fixes.find(Scan.Framework);
  if (Fix == Entry.Fixes.end() || !Call.Site.InOwnFrame ||
      !Call.Site.IsStatement)
    return;
  if (std::optional<std::string> Text =
          fixText(Fix->second, Call.Call, Context))
    diag(Loc, "co_await the %0 equivalent instead", DiagnosticIDs::Note)
        << Scan.Framework
        << FixItHint::CreateReplacement(
               CharSourceRange::getTokenRange(Call.Call.getSourceRange()),
               *Text);
}

void BlockingCallCheck::reportChain(const Finding &Call,
                                    const FunctionDecl &Helper,
                                    const BlockingChain &Chain,
                                    CoroutineScan &Scan, ASTContext &Context) {
  SourceManager &SM = Context.getSourceManager();
  const SourceLocation Loc = reportLocation(Call.Call, SM);
  const CatalogEntry &Entry = chainEntry(Chain);
  if (!claim(Call.Call, Loc, &Entry))
    return;
  const NamedDecl *Twin = findAsyncTwin(Helper, *Loaded);
  const std::string Alternative =
      Twin ? "co_await '" + catalogName(*Twin) + "' instead"
           : adviceFor(Entry, Scan.Framework, *Loaded);
  diag(Loc, "%0 %1 blocks: it reaches '%2' (%3), which stalls the thread "
            "running %4: %5; %6")
      << (isa<CXXConstructExpr>(Call.Call) ? "construction of" : "call to")
      << Chain.Hops.front().Function << Entry.Name << Entry.Category
      << describeCoroutine(Scan.Coroutine) << Entry.Reason << Alternative
      << Call.Call.getSourceRange();
  addContextNotes(Call, Scan, Context);
  addChainNotes(Call, Chain, SM);
}

namespace {

/// Where \p Place, a place the summary index gives, is in \p SM; invalid
/// if its file cannot be read.
SourceLocation placeLocation(const SourcePlace &Place,
                             const SummaryIndex &Index, SourceManager &SM) {
  OptionalFileEntryRef File =
      SM.getFileManager().getOptionalFileRef(Index.pathOf(Place.File));
  if (!File)
    return {};
  FileID ID = SM.translateFile(*File);
  if (ID.isInvalid())
    ID = SM.createFileID(*File, SourceLocation(), SrcMgr::C_User);
  return SM.translateLineCol(ID, Place.Line, Place.Column);
}

} // namespace

void BlockingCallCheck::addChainNotes(const Finding &Call,
                                      const BlockingChain &Chain,
                                      SourceManager &SM) {
  bool SaidStale = false;
  for (const BlockingChain::Hop &Hop : Chain.Hops) {
    if (Hop.Call) {
      const SourceLocation Loc = reportLocation(*Hop.Call, SM);
      if (!SM.isInSystemHeader(Loc))
        diag(Loc, "%0 %1 %2 here", DiagnosticIDs::Note)
            << Hop.Function << hopAction(Hop.Construct) << Hop.Callee;
      continue;
    }
    const SourceLocation Loc = placeLocation(Hop.Place, *Index, SM);
    std::optional<std::string> Changed = changedSinceIndexed(Hop);
    // Said at the first hop whose unit changed.
    if (Changed && !SaidStale)
      SaidStale = true;
    else
      Changed.reset();
    if (Loc.isValid()) {
      diag(Loc, "%0 %1 %2 here", DiagnosticIDs::Note)
          << Hop.Function << hopAction(Hop.Construct) << Hop.Callee;
      if (Changed)
        diag(Loc,
             "as indexed before '%0' changed; the summary index is out "
             "of date",
             DiagnosticIDs::Note)
            << *Changed;
      continue;
    }
    // The index is older than the sources, or from another checkout: the
    // place goes into the text.
    diag(reportLocation(Call.Call, SM), "%0 %1 %2 at %3:%4:%5",
         DiagnosticIDs::Note)
        << Hop.Function << hopAction(Hop.Construct) << Hop.Callee
        << Hop.Place.File << Hop.Place.Line << Hop.Place.Column;
  }
}

bool BlockingCallCheck::reportTwinOnly(const Finding &Call, CoroutineScan &Scan,
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
  if (!claim(Call.Call, Loc, Callee->getCanonicalDecl()))
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
  const CatalogEntry *Switch =
      Classifier->calls().resolve(Call.Call, Context).ExecutorSwitch;
  if (!Switch)
    return false;
  const SourceLocation Loc =
      reportLocation(Call.Call, Context.getSourceManager());
  if (!claim(Call.Call, Loc, Switch))
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

void BlockingCallCheck::exportSummaries(ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
  const std::string Dir =
      resolveConfiguredPath(ExportSummariesDir, Main ? Main->getName() : "");
  TranslationUnitFacts Facts =
      exportFacts(Context, *Summaries, Dir,
                  Loaded ? llvm::ArrayRef(Loaded->FilesRead)
                         : llvm::ArrayRef<std::string>());
  for (const auto &Usr : Summaries->openCallees())
    Facts.OpenCalls.push_back(Usr.getKey().str());
  llvm::sort(Facts.OpenCalls);
  std::string Error;
  if (!writeFacts(Facts, Dir, Error))
    configurationDiag("cannot export summaries: %0") << Error;
}

bool BlockingCallCheck::namesOptionValues() const {
  return StringRef(CategoriesSpec).trim() != "*" || !AllowedFunctions.empty();
}

void BlockingCallCheck::noteAnnotated(const FunctionDecl &Function) {
  const std::string Name = Function.getQualifiedNameAsString();
  if (std::optional<StringRef> Blocking =
          annotation(Function, BlockingAnnotation)) {
    StringRef Category = Blocking->drop_front(BlockingAnnotation.size());
    NamesSeen.noteFunction(Name, Category.consume_front(":")
                                     ? Category
                                     : StringRef(AnnotatedCategory));
  } else if (annotation(Function, NonBlockingAnnotation)) {
    NamesSeen.noteFunction(Name, "");
  }
}

void BlockingCallCheck::reportUnknownOptionNames() {
  if (!Loaded || !namesOptionValues())
    return;
  for (const std::string &Glob :
       NamesSeen.unmatchedCategoryGlobs(CategoriesSpec, *Loaded))
    configurationDiag("'%0' in option '%1.Categories' matches no category of "
                      "the catalog or of an annotated function; the "
                      "categories are: %2")
        << Glob << getID() << NamesSeen.knownCategories(*Loaded);
  for (const std::string &Name :
       NamesSeen.unknownFunctions(AllowedFunctions, *Loaded))
    configurationDiag("'%0' in option '%1.AllowedFunctions' names no catalog "
                      "entry or annotated function")
        << Name << getID();
}

void BlockingCallCheck::onEndOfTranslationUnit() {
  reportUnknownOptionNames();
  if (ExportContext && Summaries)
    exportSummaries(*ExportContext);
  reportIndexState();
  ExportContext = nullptr;
  Catalog.finishTranslationUnit(*this);
}

} // namespace coro_tidy
