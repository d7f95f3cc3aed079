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

/// True if \p Value (an initializer, an assigned value) opens a file where
/// the catalog's nonblocking-if says the opening cannot block
/// (`std::ifstream("/proc/self/status")`, `fopen("/proc/meminfo", "r")`).
bool opensNonBlockingFile(const clang::Expr *Value, CallResolver &Calls,
                          clang::ASTContext &Context);

/// The handle \p Call points at another file, if it does: the object of a
/// member `open`, the stream `freopen` is given.
const clang::Expr *reopenedHandle(const clang::CallExpr &Call);

/// The local handles of a body that escape: bound to a reference or
/// pointer, captured, or passed to a call the catalog does not name other
/// than as a const reference or pointer to const. An escaped handle may be
/// opened on another file unseen, so no fact about its file holds.
/// Assignments, open and freopen are not escapes: ReadinessFlow follows
/// them on the CFG.
class EscapingHandles {
public:
  EscapingHandles(const clang::FunctionDecl &FD, CallResolver &Calls,
                  clang::ASTContext &Context);

  bool escapes(const clang::VarDecl *Handle) const {
    return Escaped.contains(Handle);
  }

private:
  llvm::DenseSet<const clang::VarDecl *> Escaped;
};

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_EVIDENCE_HANDLEEVIDENCE_H
