//===----------------------------------------------------------------------===//

#include "catalog/Frameworks.h"
#include "utils/Coroutines.h"
#include "utils/QualifiedNames.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace coro_tidy {

using namespace clang;

std::string frameworkOf(const FunctionDecl &Coroutine,
                        const LoadedCatalog &Catalog) {
  auto It =
      Catalog.FrameworkOfTaskType.find(typeName(Coroutine.getReturnType()));
  return It == Catalog.FrameworkOfTaskType.end() ? "" : It->second;
}

static bool declaresAwaiterInterface(const CXXRecordDecl &Record) {
  return llvm::any_of(Record.methods(), [](const CXXMethodDecl *Method) {
    if (Method->getOverloadedOperator() == OO_Coawait)
      return true;
    return Method->getIdentifier() && Method->getName() == "await_ready";
  });
}

/// The class or one of its bases declares await_ready or operator co_await
/// (async_simple's Lazy inherits them).
static bool hasAwaiterInterface(const CXXRecordDecl &Record) {
  const CXXRecordDecl *Definition = Record.getDefinition();
  if (!Definition)
    return false;
  if (declaresAwaiterInterface(*Definition))
    return true;
  return llvm::any_of(Definition->bases(), [](const CXXBaseSpecifier &Base) {
    const CXXRecordDecl *Class = Base.getType()->getAsCXXRecordDecl();
    return Class && hasAwaiterInterface(*Class);
  });
}

bool isAwaitableType(QualType Type, const LoadedCatalog &Catalog) {
  if (Type.isNull())
    return false;
  if (Catalog.FrameworkOfTaskType.count(typeName(Type)))
    return true;
  const CXXRecordDecl *Record =
      Type.getNonReferenceType()->getAsCXXRecordDecl();
  return Record && hasAwaiterInterface(*Record);
}

bool isSynchronousGenerator(const FunctionDecl &Coroutine,
                            llvm::ArrayRef<std::string> GeneratorTypes) {
  if (llvm::is_contained(GeneratorTypes, typeName(Coroutine.getReturnType())))
    return true;
  const Stmt *Body = userWrittenBody(Coroutine);
  if (!Body)
    return false;
  const CoroutineKeywords Keywords = findCoroutineKeywords(Body);
  return Keywords.Yields && !Keywords.Awaits;
}

std::string adviceFor(const CatalogEntry &Entry, StringRef Framework,
                      const LoadedCatalog &Catalog) {
  auto Specific = Entry.Alternatives.find(Framework.str());
  std::string Text = Specific != Entry.Alternatives.end() ? Specific->second
                                                          : Entry.Alternative;
  auto Offload = Catalog.OffloadOf.find(Framework);
  const std::string OffloadText =
      Offload != Catalog.OffloadOf.end()
          ? Offload->second
          : "offload it to a thread pool and co_await the result";
  constexpr StringRef Placeholder = "${offload}";
  for (size_t Pos = Text.find(Placeholder); Pos != std::string::npos;
       Pos = Text.find(Placeholder, Pos + OffloadText.size()))
    Text.replace(Pos, Placeholder.size(), OffloadText);
  return Text;
}

} // namespace coro_tidy
