//===----------------------------------------------------------------------===//

#include "utils/CoroutineMatchers.h"
#include "utils/Coroutines.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/StmtCXX.h"

namespace coro_tidy {

using namespace clang;
using namespace clang::ast_matchers;

void addCoroutineMatchers(MatchFinder &Finder,
                          MatchFinder::MatchCallback *Check) {
  auto InUserCode = unless(isExpansionInSystemHeader());
  Finder.addMatcher(coroutineBodyStmt(InUserCode).bind("coroutine-body"),
                    Check);
  Finder.addMatcher(functionTemplateDecl(InUserCode).bind("function-template"),
                    Check);
  Finder.addMatcher(classTemplateDecl(InUserCode).bind("class-template"),
                    Check);
}

/// A template's function whose body Sema left plain: its coroutine body
/// statement only exists in instantiations.
static bool isDependentCoroutine(const FunctionDecl *Function) {
  return Function && Function->hasBody() &&
         !isa<CoroutineBodyStmt>(Function->getBody()) && isCoroutine(*Function);
}

static void
addUnlessInstantiated(const FunctionDecl *Coroutine,
                      llvm::SmallVectorImpl<const FunctionDecl *> &Out) {
  if (!hasInstantiatedBodies(*Coroutine))
    Out.push_back(Coroutine);
}

llvm::SmallVector<const FunctionDecl *, 4>
matchedCoroutines(const MatchFinder::MatchResult &Result) {
  llvm::SmallVector<const FunctionDecl *, 4> Coroutines;
  if (const auto *Body =
          Result.Nodes.getNodeAs<CoroutineBodyStmt>("coroutine-body")) {
    if (const VarDecl *Promise = Body->getPromiseDecl())
      if (const auto *Function =
              dyn_cast<FunctionDecl>(Promise->getDeclContext()))
        addUnlessInstantiated(Function, Coroutines);
  } else if (const auto *Template =
                 Result.Nodes.getNodeAs<FunctionTemplateDecl>(
                     "function-template")) {
    if (isDependentCoroutine(Template->getTemplatedDecl()))
      addUnlessInstantiated(Template->getTemplatedDecl(), Coroutines);
  } else if (const auto *Class =
                 Result.Nodes.getNodeAs<ClassTemplateDecl>("class-template")) {
    for (const CXXMethodDecl *Method : Class->getTemplatedDecl()->methods())
      if (isDependentCoroutine(Method))
        addUnlessInstantiated(Method->getDefinition(), Coroutines);
  }
  return Coroutines;
}

} // namespace coro_tidy
