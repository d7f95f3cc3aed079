//===----------------------------------------------------------------------===//
// Evidence that a file handle refers to a file that cannot block.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_EVIDENCE_HANDLEEVIDENCE_H
#define CORO_TIDY_ANALYSIS_EVIDENCE_HANDLEEVIDENCE_H

#include "catalog/CallMatcher.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseSet.h"

namespace coro_tidy {

/// The local file handles (a stream, a FILE*) a function opens where the
/// catalog's nonblocking-if says the opening cannot block
/// (`std::ifstream In("/proc/self/status")`, `fopen("/proc/meminfo", "r")`):
/// reading and writing through them cannot block either. A handle opened,
/// freopen'ed or assigned anew in the function does not count, nor one that
/// escapes: bound to a reference or pointer, captured, or passed to a call
/// the catalog does not name other than as a const reference or pointer to
/// const. Still flow-insensitive: a let-go handle is one for the whole body.
class HandleEvidence {
public:
  HandleEvidence(const clang::FunctionDecl &FD, CallResolver &Calls,
                 clang::ASTContext &Context);

  /// True if an operand of \p Call (its object or an argument) is such a
  /// handle.
  bool usesNonBlockingHandle(const clang::Expr &Call) const;

private:
  llvm::DenseSet<const clang::VarDecl *> NonBlocking;
};

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_EVIDENCE_HANDLEEVIDENCE_H
