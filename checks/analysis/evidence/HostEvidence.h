//===----------------------------------------------------------------------===//
// Evidence that a name lookup is given a numeric address, not a name.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_EVIDENCE_HOSTEVIDENCE_H
#define CORO_TIDY_ANALYSIS_EVIDENCE_HOSTEVIDENCE_H

#include "analysis/evidence/ValueWrites.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace coro_tidy {

/// Whether the host a lookup is given can only be a numeric address, so that
/// getaddrinfo answers without /etc/hosts or DNS (utils/HostNames.h). The
/// host qualifies when every value it can derive from, in the whole
/// translation unit and regardless of the path taken, is a numeric address
/// literal, an empty or absent host, or a number: a server's
/// `resolve(address_, port)` whose `address_` is only ever its constructor's
/// default "0.0.0.0", copied, moved, cut (`substr`) or parsed by a helper on
/// the way. Every value must be seen, and an empty set of them proves
/// nothing: a parameter counts only if every caller is in the translation
/// unit (internal linkage, not virtual, its address never taken, called
/// here), a field only if every writer is (its class has internal linkage,
/// or the field is not public and every constructor and method of the class
/// has its body here). A value from a call into a body the translation unit
/// does not have, a non-const global, an object written through a reference
/// or pointer, and, when the traversal does not cover the whole translation
/// unit (clangd's main-file scope), anything declared in a header does not
/// qualify.
class HostEvidence {
public:
  explicit HostEvidence(clang::ASTContext &Context) : Context(Context) {}

  bool isNumericOnly(const clang::Expr &Host);

private:
  bool derives(const clang::Expr *E);
  bool derivesDecl(const clang::ValueDecl &Decl);
  bool derivesWrites(const clang::ValueDecl &Decl);
  bool derivesParameter(const clang::ParmVarDecl &Param);
  bool derivesCall(const clang::CallExpr &Call);
  bool derivesReturns(const clang::FunctionDecl &Function);
  /// Runs \p Compute for \p Key once per query: a key met again while it is
  /// computed adds no value of its own (the least fixed point).
  bool once(const clang::Decl &Key, llvm::function_ref<bool()> Compute);

  clang::ASTContext &Context;
  std::unique_ptr<ValueWrites> Writes;
  /// Declarations of the current query; those settled by earlier ones.
  llvm::DenseSet<const clang::Decl *> Visiting, Numeric, NotNumeric;
};

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_EVIDENCE_HOSTEVIDENCE_H
