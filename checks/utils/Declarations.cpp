//===----------------------------------------------------------------------===//

#include "utils/Declarations.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/SmallVector.h"

namespace coro_tidy {

using namespace clang;

bool isDeclared(ASTContext &Context, StringRef QualifiedName) {
  QualifiedName = QualifiedName.trim();
  QualifiedName.consume_front("::");
  llvm::SmallVector<StringRef, 4> Parts;
  QualifiedName.split(Parts, "::");
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

bool isInStandardLibrary(const Decl &D) {
  const NamespaceDecl *Outermost = nullptr;
  for (const DeclContext *Scope = D.getDeclContext(); Scope;
       Scope = Scope->getParent())
    if (const auto *Namespace = dyn_cast<NamespaceDecl>(Scope))
      Outermost = Namespace;
  return Outermost && Outermost->getIdentifier() &&
         Outermost->getName() == "std";
}

} // namespace coro_tidy
