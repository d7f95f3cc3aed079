//===----------------------------------------------------------------------===//
// A visitor over the statements one function body runs itself.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_UTILS_LOCALBODYVISITOR_H
#define CORO_TIDY_UTILS_LOCALBODYVISITOR_H

#include "clang/AST/RecursiveASTVisitor.h"

namespace coro_tidy {

/// A RecursiveASTVisitor that stays inside one function body: nested lambdas
/// and local classes are other functions, which may run anywhere and later,
/// and compiler-generated code (promise calls, await_* calls, parameter
/// copies) was never written by the user. Derived visitors override
/// TraverseLambdaExpr to look into the lambdas they know run in place.
template <typename Derived>
class LocalBodyVisitor : public clang::RecursiveASTVisitor<Derived> {
public:
  bool shouldVisitImplicitCode() const { return false; }
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool TraverseLambdaExpr(clang::LambdaExpr *) { return true; }
  bool TraverseCXXRecordDecl(clang::CXXRecordDecl *) { return true; }
};

} // namespace coro_tidy

#endif // CORO_TIDY_UTILS_LOCALBODYVISITOR_H
