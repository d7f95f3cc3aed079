//===----------------------------------------------------------------------===//

#include "utils/Declarations.h"
#include "utils/Frameworks.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/SmallVector.h"

namespace coro_tidy {

using namespace clang;

bool isDeclared(ASTContext &Context, StringRef QualifiedName) {
  llvm::SmallVector<StringRef, 4> Parts;
  normalizeQualifiedName(QualifiedName).split(Parts, "::");
  const DeclContext *Scope = Context.getTranslationUnitDecl();
  for (size_t I = 0; I < Parts.size(); ++I) {
    DeclContextLookupResult Found =
        Scope->lookup(&Context.Idents.get(Parts[I]));
    if (Found.empty())
      return false;
    if (I + 1 == Parts.size())
      return true;
    const NamedDecl *Next = Found.front();
    if (const auto *Template = dyn_cast<ClassTemplateDecl>(Next))
      Next = Template->getTemplatedDecl();
    Scope = dyn_cast<DeclContext>(Next);
    if (!Scope)
      return false;
  }
  return false;
}

static bool returnsAwaitable(const NamedDecl &Candidate,
                             const LoadedCatalog &Catalog) {
  const NamedDecl *Decl = &Candidate;
  if (const auto *Template = dyn_cast<FunctionTemplateDecl>(Decl))
    Decl = Template->getTemplatedDecl();
  const auto *Function = dyn_cast<FunctionDecl>(Decl);
  return Function && isAwaitableType(Function->getReturnType(), Catalog);
}

const NamedDecl *findAsyncTwin(const FunctionDecl &Blocking,
                               const LoadedCatalog &Catalog) {
  if (!Blocking.getIdentifier())
    return nullptr;
  const std::string Name = Blocking.getName().str();
  const DeclContext *Scope = Blocking.getDeclContext()->getRedeclContext();
  ASTContext &Context = Blocking.getASTContext();
  const std::string AwaitableTwins[] = {Name + "_async", Name + "Async",
                                        "co_" + Name};
  for (const NamedDecl *Twin :
       Scope->lookup(&Context.Idents.get("async_" + Name)))
    if (isa<FunctionTemplateDecl>(Twin) || returnsAwaitable(*Twin, Catalog))
      return Twin;
  for (const std::string &TwinName : AwaitableTwins)
    for (const NamedDecl *Twin : Scope->lookup(&Context.Idents.get(TwinName)))
      if (returnsAwaitable(*Twin, Catalog))
        return Twin;
  return nullptr;
}

} // namespace coro_tidy
