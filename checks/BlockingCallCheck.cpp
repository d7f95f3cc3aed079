//===----------------------------------------------------------------------===//

#include "BlockingCallCheck.h"
#include "catalog/CallMatcher.h"
#include "utils/CoroutineBody.h"
#include "utils/OptionLists.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace coro_tidy {

BlockingCallCheck::BlockingCallCheck(StringRef Name,
                                     tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Catalog(Options),
      AllowedFunctions(
          parseQualifiedNameList(Options.get("AllowedFunctions", ""))),
      Categories(Options.get("Categories", "*")) {}

void BlockingCallCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Catalog.store(Options, Opts);
  Options.store(Opts, "AllowedFunctions", serializeOptionList(AllowedFunctions));
  Options.store(Opts, "Categories", Categories.spec());
}

void BlockingCallCheck::registerPPCallbacks(const SourceManager &,
                                            Preprocessor *PP, Preprocessor *) {
  Sources = &PP->getSourceManager();
  Reported.clear();
  OptionalFileEntryRef Main =
      Sources->getFileEntryRefForID(Sources->getMainFileID());
  Loaded = Catalog.load(Main ? Main->getName() : "");
}

void BlockingCallCheck::registerMatchers(MatchFinder *Finder) {
  // Coroutines in system headers are never reported, so skip walking them.
  auto UserFunctionDefinition =
      functionDecl(isDefinition(), unless(isExpansionInSystemHeader()));
  Finder->addMatcher(UserFunctionDefinition.bind("function"), this);
}

void BlockingCallCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (!Loaded || !isCoroutine(*Function))
    return;
  forEachCallInCoroutineBody(*Function, [&](const Expr &Call) {
    checkCall(Call, *Function, *Result.SourceManager);
  });
}

bool BlockingCallCheck::isReported(const CatalogEntry &Entry) const {
  return Categories.isEnabled(Entry.Category) &&
         !llvm::is_contained(AllowedFunctions, Entry.Name);
}

/// Where to report: the called name for member calls, the call's start
/// otherwise; the expansion site for calls written in macros.
static SourceLocation reportLocation(const Expr &Call,
                                     const SourceManager &SM) {
  SourceLocation Loc = isa<CXXMemberCallExpr>(Call) ? Call.getExprLoc()
                                                    : Call.getBeginLoc();
  return SM.getExpansionLoc(Loc);
}

void BlockingCallCheck::checkCall(const Expr &Call,
                                  const FunctionDecl &Coroutine,
                                  const SourceManager &SM) {
  std::optional<CatalogMatch> Match = matchCatalogEntry(
      Loaded->Entries, Call,
      [this](const CatalogEntry &Entry) { return isReported(Entry); });
  if (!Match)
    return;
  SourceLocation Loc = reportLocation(Call, SM);
  if (!Reported.insert({Loc.getRawEncoding(), Match->Entry}).second)
    return;
  const CatalogEntry &Entry = *Match->Entry;
  std::string What = Match->IsConstruction
                         ? "blocking construction of '" + Entry.Name + "'"
                         : "blocking call to '" + Entry.Name + "'";
  diag(Loc, "%0 (%1) stalls the thread running %2: %3; %4")
      << What << Entry.Category << describeCoroutine(Coroutine) << Entry.Reason
      << Entry.Alternative << Call.getSourceRange();
  diag(Coroutine.getLocation(), "%0 declared here", DiagnosticIDs::Note)
      << describeCoroutine(Coroutine);
}

void BlockingCallCheck::onEndOfTranslationUnit() {
  if (Loaded && Sources)
    reportCatalogErrors(*Loaded, *Sources,
                        [this](SourceLocation Loc, StringRef Message) {
                          if (Loc.isValid())
                            diag(Loc, Message, DiagnosticIDs::Error);
                          else
                            diag(Message, DiagnosticIDs::Error);
                        });
  Loaded.reset();
  Sources = nullptr;
}

} // namespace coro_tidy
