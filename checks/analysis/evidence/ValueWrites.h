//===----------------------------------------------------------------------===//
// Where a translation unit gives values to variables, fields and
// parameters: the facts a flow-insensitive derivation (HostEvidence) needs.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_EVIDENCE_VALUEWRITES_H
#define CORO_TIDY_ANALYSIS_EVIDENCE_VALUEWRITES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"

namespace coro_tidy {

/// Every place the translation unit (template instantiations and implicit
/// code included) writes a variable or a field, calls a function, or lets
/// one escape where the derivation cannot follow.
class ValueWrites {
public:
  explicit ValueWrites(clang::ASTContext &Context);

  /// The expressions \p Decl (a variable, a parameter or a field) is given:
  /// its initializer, the right side of each assignment, a constructor's
  /// member initializer, an aggregate's element, or a call that modifies it
  /// in place (`s.append(x)`).
  llvm::ArrayRef<const clang::Expr *>
  writesOf(const clang::ValueDecl &Decl) const;

  /// True if \p Decl is modified where no written value is known: its
  /// address taken, or bound to a non-const reference (`getline(in, s)`).
  bool escapes(const clang::ValueDecl &Decl) const {
    return Escaped.contains(&Decl);
  }

  /// The calls and constructions of \p Function (a canonical declaration).
  llvm::ArrayRef<const clang::Expr *>
  callsOf(const clang::FunctionDecl &Function) const;

  /// True if \p Function is named other than as the callee of a call (its
  /// address taken): its callers are not all known.
  bool isAddressTaken(const clang::FunctionDecl &Function) const {
    return AddressTaken.contains(Function.getCanonicalDecl());
  }

  /// True if the writes are those of the whole translation unit: not so
  /// where the traversal is limited to some declarations (clangd checks the
  /// main file's, leaving headers out of sight).
  bool isComplete() const { return Complete; }

  /// The declarations an assignment to \p Target writes: the variable and
  /// each field on the way (`parsed.address` writes both).
  static llvm::SmallVector<const clang::ValueDecl *, 2>
  writtenBy(const clang::Expr &Target);

private:
  friend class ValueWritesBuilder;
  llvm::DenseMap<const clang::ValueDecl *,
                 llvm::SmallVector<const clang::Expr *, 2>>
      Writes;
  llvm::DenseSet<const clang::ValueDecl *> Escaped;
  llvm::DenseMap<const clang::FunctionDecl *,
                 llvm::SmallVector<const clang::Expr *, 2>>
      Calls;
  llvm::DenseSet<const clang::FunctionDecl *> AddressTaken;
  bool Complete = true;
};

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_EVIDENCE_VALUEWRITES_H
