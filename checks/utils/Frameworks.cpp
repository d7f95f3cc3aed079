//===----------------------------------------------------------------------===//

#include "utils/Frameworks.h"
#include "utils/CoroutineBody.h"
#include "utils/QualifiedNames.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace coro_tidy {

using namespace clang;

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

std::string frameworkOf(const FunctionDecl &Coroutine,
                        const LoadedCatalog &Catalog) {
  auto It =
      Catalog.FrameworkOfTaskType.find(typeName(Coroutine.getReturnType()));
  return It == Catalog.FrameworkOfTaskType.end() ? "" : It->second;
}

static bool hasMethodNamed(const CXXRecordDecl &Record, StringRef Name) {
  if (!Record.hasDefinition())
    return false;
  return llvm::any_of(Record.methods(), [&](const CXXMethodDecl *Method) {
    if (Method->getOverloadedOperator() == OO_Coawait)
      return Name == "operator co_await";
    return Method->getIdentifier() && Method->getName() == Name;
  });
}

bool isAwaitableType(QualType Type, const LoadedCatalog &Catalog) {
  if (Type.isNull())
    return false;
  if (Catalog.FrameworkOfTaskType.count(typeName(Type)))
    return true;
  const CXXRecordDecl *Record =
      Type.getNonReferenceType()->getAsCXXRecordDecl();
  return Record && (hasMethodNamed(*Record, "await_ready") ||
                    hasMethodNamed(*Record, "operator co_await"));
}

bool isSynchronousGenerator(const FunctionDecl &Coroutine,
                            llvm::ArrayRef<std::string> GeneratorTypes) {
  if (llvm::is_contained(GeneratorTypes, typeName(Coroutine.getReturnType())))
    return true;
  const Stmt *Body = Coroutine.getBody();
  if (const auto *CoroBody = dyn_cast_or_null<CoroutineBodyStmt>(Body))
    Body = CoroBody->getBody();
  if (!Body)
    return false;
  const CoroutineKeywords Keywords = findCoroutineKeywords(Body);
  return Keywords.Yields && !Keywords.Awaits;
}

} // namespace coro_tidy
