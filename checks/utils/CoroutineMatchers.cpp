//===----------------------------------------------------------------------===//

#include "utils/CoroutineMatchers.h"
#include "utils/CoroutineBody.h"
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

llvm::SmallVector<const FunctionDecl *, 4>
matchedCoroutines(const MatchFinder::MatchResult &Result) {
  llvm::SmallVector<const FunctionDecl *, 4> Coroutines;
  if (const auto *Body =
          Result.Nodes.getNodeAs<CoroutineBodyStmt>("coroutine-body")) {
    if (const VarDecl *Promise = Body->getPromiseDecl())
      if (const auto *Function =
              dyn_cast<FunctionDecl>(Promise->getDeclContext()))
        Coroutines.push_back(Function);
  } else if (const auto *Template =
                 Result.Nodes.getNodeAs<FunctionTemplateDecl>(
                     "function-template")) {
    if (isDependentCoroutine(Template->getTemplatedDecl()))
      Coroutines.push_back(Template->getTemplatedDecl());
  } else if (const auto *Class =
                 Result.Nodes.getNodeAs<ClassTemplateDecl>("class-template")) {
    for (const CXXMethodDecl *Method : Class->getTemplatedDecl()->methods())
      if (isDependentCoroutine(Method))
        Coroutines.push_back(Method->getDefinition());
  }
  return Coroutines;
}

} // namespace coro_tidy
