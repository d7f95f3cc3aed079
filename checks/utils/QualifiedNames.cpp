//===----------------------------------------------------------------------===//

#include "utils/QualifiedNames.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/SmallVector.h"

namespace coro_tidy {

using namespace clang;

std::string catalogName(const NamedDecl &D) {
  llvm::SmallVector<std::string, 4> Parts;
  Parts.push_back(D.getNameAsString());
  for (const DeclContext *DC = D.getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getNameAsString());
    } else if (const auto *Record = dyn_cast<RecordDecl>(DC)) {
      // A specialization's name is its template's name, without arguments.
      Parts.push_back(Record->getNameAsString());
    } else if (isa<LinkageSpecDecl>(DC) || isa<TranslationUnitDecl>(DC)) {
      continue;
    } else {
      break; // a function-local entity keeps its own name only
    }
  }
  std::string Name;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Name.empty())
      Name += "::";
    Name += *It;
  }
  return Name;
}

std::string typeName(QualType Type) {
  if (Type.isNull())
    return "";
  Type = Type.getNonReferenceType();
  if (const auto *Record = Type->getAsCXXRecordDecl())
    return catalogName(*Record);
  if (const auto *Specialization = Type->getAs<TemplateSpecializationType>())
    if (const TemplateDecl *Template =
            Specialization->getTemplateName().getAsTemplateDecl())
      return catalogName(*Template);
  return "";
}

} // namespace coro_tidy
