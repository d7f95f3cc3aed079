//===----------------------------------------------------------------------===//

#include "analysis/summaries/SummaryExport.h"
#include "analysis/BlockingCalls.h"
#include "analysis/summaries/BreadthFirst.h"
#include "utils/CallSites.h"
#include "utils/Coroutines.h"
#include "utils/Paths.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace coro_tidy {

using namespace clang;

namespace {

/// The functions with bodies a declaration of the main file defines, but
/// not coroutines, lambdas or templates (their instantiations are found
/// where they are called).
class MainFileDefinitions : public RecursiveASTVisitor<MainFileDefinitions> {
public:
  std::vector<const FunctionDecl *> Found;
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitFunctionDecl(FunctionDecl *Function) {
    // A function marked coro::nonblocking where it is defined ends every
    // chain through it, in other files too: it exports no facts.
    if (Function->doesThisDeclarationHaveABody() &&
        !Function->isDependentContext() && !isCoroutine(*Function) &&
        !annotation(*Function, NonBlockingAnnotation))
      Found.push_back(Function);
    return true;
  }
};

class FactsBuilder {
public:
  FactsBuilder(const SourceManager &SM, llvm::StringRef Root)
      : SM(SM), Root(Root),
        MainFile(place(SM.getLocForStartOfFile(SM.getMainFileID())).File) {}

  /// The key of \p Function in the index: its USR, made unique to this
  /// translation unit when other units cannot call it (a static function's
  /// USR holds only its file's name, an anonymous namespace's nothing).
  std::string key(const FunctionDecl &Function) const {
    std::string Usr = usrOf(Function);
    if (Usr.empty() || Function.isExternallyVisible())
      return Usr;
    return MainFile + "@" + Usr;
  }

  SourcePlace place(SourceLocation Loc) const {
    Loc = SM.getExpansionLoc(Loc);
    return {relativeFile(SM.getFilename(Loc)), SM.getExpansionLineNumber(Loc),
            SM.getExpansionColumnNumber(Loc)};
  }

  /// \p Name relative to the root. Relative names are relative to the
  /// compile directory, which the file manager knows (clang-tidy's working
  /// directory may be another).
  std::string relativeFile(llvm::StringRef Name) const {
    llvm::SmallString<256> File(Name);
    SM.getFileManager().makeAbsolutePath(File);
    return relativePath(File, "", Root);
  }

  FunctionFacts facts(const FunctionDecl &Function,
                      const FunctionSummary &Summary) const {
    FunctionFacts Facts;
    Facts.Usr = key(Function);
    Facts.Name = chainName(Function);
    Facts.Where = place(Function.getLocation());
    for (const FunctionSummary::BlockingCall &B : Summary.Blocking)
      Facts.BlockingCalls.push_back({B.Entry->Name, B.Entry->Category,
                                     isa<CXXConstructExpr>(B.Call),
                                     place(reportLocation(*B.Call, SM))});
    for (const FunctionSummary::Callee &C : Summary.Callees) {
      std::string Usr = key(*C.Function);
      if (!Usr.empty())
        Facts.Calls.push_back({std::move(Usr), chainName(*C.Function),
                               isa<CXXConstructExpr>(C.Call),
                               place(reportLocation(*C.Call, SM))});
    }
    return Facts;
  }

  const std::string &mainFile() const { return MainFile; }

private:
  const SourceManager &SM;
  llvm::StringRef Root;
  const std::string MainFile;
};

/// The main file's definitions, then every function with a body here that
/// they reach.
std::vector<const FunctionDecl *> exportedFunctions(ASTContext &Context,
                                                    CallSummaries &Summaries) {
  const SourceManager &SM = Context.getSourceManager();
  MainFileDefinitions Definitions;
  // Declarations in headers are in every translation unit that includes
  // them; each is exported where it is reached from.
  for (Decl *Top : Context.getTranslationUnitDecl()->decls())
    if (SM.isInMainFile(SM.getExpansionLoc(Top->getLocation())))
      Definitions.TraverseDecl(Top);
  BreadthFirst<const FunctionDecl *, const Expr *, const Decl *> Search;
  for (const FunctionDecl *Function : Definitions.Found)
    Search.start(Function, Function->getCanonicalDecl());
  for (size_t Next = 0; Next < Search.size(); ++Next)
    for (const FunctionSummary::Callee &Callee :
         Summaries.summaryOf(*Search[Next].At, Context).Callees)
      if (Callee.hasBody())
        Search.reach(Next, Callee.Function, Callee.Function->getCanonicalDecl(),
                     Callee.Call);
  std::vector<const FunctionDecl *> Functions;
  Functions.reserve(Search.size());
  for (size_t I = 0; I < Search.size(); ++I)
    Functions.push_back(Search[I].At);
  return Functions;
}

/// The files outside system headers that the translation unit read and the
/// catalog files, each with a hash of what was read, sorted by name.
std::vector<TranslationUnitFacts::Input>
inputsOf(const SourceManager &SM, const FactsBuilder &Builder,
         llvm::ArrayRef<std::string> CatalogFiles) {
  llvm::StringMap<std::string> Hashes;
  for (unsigned I = 0, E = SM.local_sloc_entry_size(); I < E; ++I) {
    const SrcMgr::SLocEntry &Entry = SM.getLocalSLocEntry(I);
    if (!Entry.isFile() ||
        SrcMgr::isSystem(Entry.getFile().getFileCharacteristic()))
      continue;
    const SrcMgr::ContentCache &Content = Entry.getFile().getContentCache();
    std::optional<llvm::MemoryBufferRef> Buffer = Content.getBufferIfLoaded();
    if (!Content.OrigEntry || !Buffer)
      continue;
    Hashes.try_emplace(Builder.relativeFile(Content.OrigEntry->getName()),
                       contentHash(Buffer->getBuffer()));
  }
  for (const std::string &File : CatalogFiles)
    if (auto Read = llvm::MemoryBuffer::getFile(File))
      Hashes.try_emplace(Builder.relativeFile(File),
                         contentHash((*Read)->getBuffer()));
  std::vector<TranslationUnitFacts::Input> Inputs;
  for (const auto &Entry : Hashes)
    Inputs.push_back({Entry.getKey().str(), Entry.getValue()});
  llvm::sort(Inputs,
             [](const auto &A, const auto &B) { return A.File < B.File; });
  return Inputs;
}

} // namespace

TranslationUnitFacts exportFacts(ASTContext &Context, CallSummaries &Summaries,
                                 llvm::StringRef SummaryDir,
                                 llvm::ArrayRef<std::string> CatalogFiles) {
  const SourceManager &SM = Context.getSourceManager();
  const std::string Root = compileDirectory(SM);
  FactsBuilder Builder(SM, Root);
  TranslationUnitFacts Facts;
  Facts.Root = relativePath(Root, "", SummaryDir);
  Facts.MainFile = Builder.mainFile();
  Facts.Inputs = inputsOf(SM, Builder, CatalogFiles);
  for (const FunctionDecl *Function : exportedFunctions(Context, Summaries)) {
    FunctionFacts Exported =
        Builder.facts(*Function, Summaries.summaryOf(*Function, Context));
    // A function that neither blocks nor calls anything is as good as
    // absent: nothing is found under its key either way.
    if (!Exported.Usr.empty() &&
        !(Exported.BlockingCalls.empty() && Exported.Calls.empty()))
      Facts.Functions.push_back(std::move(Exported));
  }
  llvm::sort(Facts.Functions,
             [](const FunctionFacts &A, const FunctionFacts &B) {
               return A.Usr < B.Usr;
             });
  return Facts;
}

bool writeFacts(const TranslationUnitFacts &Facts, llvm::StringRef SummaryDir,
                std::string &Error) {
  if (std::error_code EC = llvm::sys::fs::create_directories(SummaryDir)) {
    Error = "cannot create '" + SummaryDir.str() + "': " + EC.message();
    return false;
  }
  std::string Text;
  llvm::raw_string_ostream(Text)
      << llvm::formatv("{0:1}", toJson(Facts)) << "\n";
  llvm::SmallString<256> Path(SummaryDir);
  llvm::sys::path::append(Path, summaryFileName(Facts.MainFile));
  if (auto Existing = llvm::MemoryBuffer::getFile(Path))
    if ((*Existing)->getBuffer() == Text)
      return true;
  // Written to a temporary file renamed into place: a reader sees the old
  // summary or the new one, never half of one.
  if (llvm::Error Failed =
          llvm::writeToOutput(Path, [&](llvm::raw_ostream &Out) {
            Out << Text;
            return llvm::Error::success();
          })) {
    Error = "cannot write '" + std::string(Path) +
            "': " + llvm::toString(std::move(Failed));
    return false;
  }
  return true;
}

} // namespace coro_tidy
