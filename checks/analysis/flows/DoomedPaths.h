//===----------------------------------------------------------------------===//
// The code of a function that runs only on the way to ending the process.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_FLOWS_DOOMEDPATHS_H
#define CORO_TIDY_ANALYSIS_FLOWS_DOOMEDPATHS_H

#include "analysis/flows/BodyCfg.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace coro_tidy {

/// The statements from which every path reaches a call of a noreturn
/// function (std::exit, std::abort, std::terminate, a [[noreturn]] fatal
/// error helper) before the function returns: a logger that prints a stack
/// trace through popen() and then exits, a failed check that reads
/// /proc/self/status before it aborts. Blocking work there stalls nothing
/// that goes on. A loop that never ends is not doomed.
class DoomedPaths {
public:
  /// From \p Cfg of a function.
  explicit DoomedPaths(const BodyCfg &Cfg);

  /// For \p FD, or null when its body calls no noreturn function (then no
  /// graph is built, the common case).
  static std::unique_ptr<DoomedPaths> build(const clang::FunctionDecl &FD,
                                            clang::ASTContext &Context);

  bool isDoomed(const clang::Stmt &S) const { return Doomed.contains(&S); }

private:
  llvm::DenseSet<const clang::Stmt *> Doomed;
};

/// True if \p FD's body calls a function that does not return.
bool callsNoReturnFunction(const clang::FunctionDecl &FD);

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_FLOWS_DOOMEDPATHS_H
