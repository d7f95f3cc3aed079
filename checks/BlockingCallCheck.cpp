//===----------------------------------------------------------------------===//

#include "BlockingCallCheck.h"
#include "SyncWaitCheck.h"
#include "catalog/CallMatcher.h"
#include "utils/CallSites.h"
#include "utils/CoroutineMatchers.h"
#include "utils/Declarations.h"
#include "utils/Frameworks.h"
#include "utils/OptionLists.h"
#include "utils/QualifiedNames.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace coro_tidy {

namespace {

constexpr llvm::StringLiteral DefaultGeneratorTypes =
    "std::generator;cppcoro::generator;cppcoro::recursive_generator;"
    "coro::generator;QCoro::Generator";

constexpr llvm::StringLiteral BlockingAnnotation = "coro::blocking";
constexpr llvm::StringLiteral NonBlockingAnnotation = "coro::nonblocking";

/// The annotation \p Prefix ("coro::blocking" or "coro::blocking:CATEGORY")
/// on \p Callee or a redeclaration, if any.
std::optional<StringRef> annotation(const FunctionDecl &Callee,
                                    StringRef Prefix) {
  for (const FunctionDecl *Redecl : Callee.redecls())
    for (const auto *Attr : Redecl->specific_attrs<AnnotateAttr>()) {
      StringRef Text = Attr->getAnnotation();
      if (Text == Prefix || (Text.starts_with(Prefix) &&
                             Text.drop_front(Prefix.size()).starts_with(":")))
        return Text;
    }
  return std::nullopt;
}

/// \p Fix's replacement for \p Call, or nothing if it cannot be made exact.
std::optional<std::string> fixText(const CatalogFix &Fix, const Expr &Call,
                                   ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
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
    StringRef Arg = Lexer::getSourceText(
        CharSourceRange::getTokenRange(CallE->getArg(I)->getSourceRange()), SM,
        Context.getLangOpts());
    for (size_t Pos = Text.find(Placeholder); Pos != std::string::npos;
         Pos = Text.find(Placeholder, Pos + Arg.size()))
      Text.replace(Pos, Placeholder.size(), Arg.str());
  }
  if (StringRef(Text).contains("${"))
    return std::nullopt; // an argument the call does not have
  return Text;
}

} // namespace

BlockingCallCheck::BlockingCallCheck(StringRef Name,
                                     tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Catalog(Options, true),
      AllowedFunctions(
          parseQualifiedNameList(Options.get("AllowedFunctions", ""))),
      Categories(Options.get("Categories", "*")),
      GeneratorTypes(parseQualifiedNameList(
          Options.get("GeneratorTypes", DefaultGeneratorTypes))),
      CheckGenerators(Options.get("CheckGenerators", false)) {}

void BlockingCallCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Catalog.store(Options, Opts);
  Options.store(Opts, "AllowedFunctions",
                serializeOptionList(AllowedFunctions));
  Options.store(Opts, "Categories", Categories.spec());
  Options.store(Opts, "GeneratorTypes", serializeOptionList(GeneratorTypes));
  Options.store(Opts, "CheckGenerators", CheckGenerators);
}

void BlockingCallCheck::registerPPCallbacks(const SourceManager &,
                                            Preprocessor *PP, Preprocessor *) {
  Catalog.startTranslationUnit(*PP);
  Reported.clear();
  Synthetic.clear();
}

void BlockingCallCheck::registerMatchers(MatchFinder *Finder) {
  addCoroutineMatchers(*Finder, this);
}

void BlockingCallCheck::check(const MatchFinder::MatchResult &Result) {
  Loaded = Catalog.catalog();
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
  CoroutineScan Scan{Coroutine, frameworkOf(Coroutine, *Loaded),
                     awaitedVariables(Coroutine)};
  forEachCatalogRuledCall(Coroutine, *Loaded, Context,
                          [&](const Expr &Call, const CallSite &Site) {
                            checkCall(Call, Site, Scan, Context);
                          });
}

bool BlockingCallCheck::isReported(const CatalogEntry &Entry) const {
  return Categories.isEnabled(Entry.Category) &&
         !llvm::is_contained(AllowedFunctions, Entry.Name);
}

const CatalogEntry *
BlockingCallCheck::syntheticEntry(const FunctionDecl &Callee,
                                  StringRef Category, StringRef Reason) {
  std::unique_ptr<CatalogEntry> &Entry = Synthetic[Callee.getCanonicalDecl()];
  if (!Entry) {
    Entry = std::make_unique<CatalogEntry>();
    Entry->Name = catalogName(Callee);
    Entry->Category = Category.str();
    Entry->Reason = Reason.str();
    const NamedDecl *Twin = findAsyncTwin(Callee, *Loaded);
    Entry->Alternative =
        Twin ? "co_await '" + catalogName(*Twin) + "' instead" : "${offload}";
  }
  return isReported(*Entry) ? Entry.get() : nullptr;
}

const CatalogEntry *BlockingCallCheck::findBlockingEntry(const Expr &Call,
                                                         ASTContext &Context) {
  const FunctionDecl *Callee = calleeOf(Call);
  if (Callee && annotation(*Callee, NonBlockingAnnotation))
    return nullptr;
  if (Callee)
    if (std::optional<StringRef> Blocking =
            annotation(*Callee, BlockingAnnotation)) {
      StringRef Category = Blocking->drop_front(BlockingAnnotation.size());
      return syntheticEntry(
          *Callee, Category.consume_front(":") ? Category : "annotated",
          "it is annotated coro::blocking");
    }
  // coro-sync-wait owns synchronous waits for async work.
  if (isSyncWait(Call, *Loaded, Context))
    return nullptr;
  std::optional<CatalogMatch> Match = matchCatalogEntry(
      Loaded->Entries, Call, Context,
      [this](const CatalogEntry &Entry) { return isReported(Entry); });
  if (Match)
    return Match->Entry;
  // Like .NET's VSTHRD103: a function with an awaitable twin beside it most
  // likely waits for what the twin awaits.
  if (Callee && isa<CallExpr>(Call) &&
      !isAwaitableType(Callee->getReturnType(), *Loaded) &&
      findAsyncTwin(*Callee, *Loaded))
    return syntheticEntry(*Callee, "async-twin",
                          "it waits for what its awaitable twin awaits");
  return nullptr;
}

void BlockingCallCheck::checkCall(const Expr &Call, const CallSite &Site,
                                  const CoroutineScan &Scan,
                                  ASTContext &Context) {
  if (Site.OnBlockingPool)
    return;
  const CatalogEntry *Entry = findBlockingEntry(Call, Context);
  if (!Entry)
    return;
  // get() on a future the coroutine already awaited returns at once.
  if (isOnAwaitedVariable(Call, Scan.Awaited, Context.getSourceManager()))
    return;
  reportCall(Call, *Entry, isa<CXXConstructExpr>(Call), Site, Scan, Context);
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

void BlockingCallCheck::reportCall(const Expr &Call, const CatalogEntry &Entry,
                                   bool IsConstruction, const CallSite &Site,
                                   const CoroutineScan &Scan,
                                   ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  SourceLocation Loc = reportLocation(Call, SM);
  if (!Reported.insert({Loc.getRawEncoding(), &Entry}).second)
    return;
  const std::string Alternative = alternativeFor(Entry, Scan.Framework);
  const std::string What = IsConstruction
                               ? "blocking construction of '" + Entry.Name + "'"
                               : "blocking call to '" + Entry.Name + "'";
  const std::string Coroutine = describeCoroutine(Scan.Coroutine);
  diag(Loc, "%0 (%1) stalls the thread running %2: %3; %4")
      << What << Entry.Category << Coroutine << Entry.Reason << Alternative
      << Call.getSourceRange();
  diag(Scan.Coroutine.getLocation(), "%0 declared here", DiagnosticIDs::Note)
      << Coroutine;

  auto Fix = Entry.Fixes.find(Scan.Framework);
  if (Fix == Entry.Fixes.end() || !Site.InCoroutineFrame || !Site.IsStatement)
    return;
  if (std::optional<std::string> Text = fixText(Fix->second, Call, Context))
    diag(Loc, "co_await the %0 equivalent instead", DiagnosticIDs::Note)
        << Scan.Framework
        << FixItHint::CreateReplacement(
               CharSourceRange::getTokenRange(Call.getSourceRange()), *Text);
}

void BlockingCallCheck::onEndOfTranslationUnit() {
  Catalog.finishTranslationUnit(*this);
}

} // namespace coro_tidy
