//===----------------------------------------------------------------------===//
// Which locks may be held where: a may-hold lockset analysis on the CFG.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_FLOWS_LOCKFLOW_H
#define CORO_TIDY_ANALYSIS_FLOWS_LOCKFLOW_H

#include "analysis/flows/BodyCfg.h"
#include "catalog/Catalog.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <string>
#include <vector>

namespace coro_tidy {

/// What counts as a lock: the catalog's lock guards and mutexes, the extra
/// types a check's options add, and scoped-lockable classes. A mutex whose
/// waiters suspend (the catalog's async mutexes, or one whose lock() returns
/// an awaitable) blocks no thread and is not a lock here.
class LockVocabulary {
public:
  LockVocabulary(const LoadedCatalog &Catalog,
                 llvm::ArrayRef<std::string> ExtraGuardTypes = {},
                 llvm::ArrayRef<std::string> ExtraMutexTypes = {})
      : Catalog(Catalog), ExtraGuardTypes(ExtraGuardTypes),
        ExtraMutexTypes(ExtraMutexTypes) {}

  bool isGuardType(clang::QualType Type) const;
  bool isMutexType(clang::QualType Type) const;
  bool isAsyncMutexType(clang::QualType Type) const;

private:
  const LoadedCatalog &Catalog;
  llvm::ArrayRef<std::string> ExtraGuardTypes;
  llvm::ArrayRef<std::string> ExtraMutexTypes;
};

/// A lock the analysis tracks: a guard variable, or one call locking a
/// mutex by hand.
struct TrackedLock {
  /// The guard variable, or the mutex.
  const clang::ValueDecl *Decl = nullptr;
  /// For a guard: the mutex it was constructed on, if known.
  const clang::ValueDecl *Mutex = nullptr;
  /// The guard's name, or the lock() call.
  clang::SourceLocation Where;
  /// "lock guard 'g' on 'm'" or "mutex 'm'".
  std::string Description;
  bool IsGuard = false;
};

/// The may-hold lockset of a function body, solved on its CFG: a lock is
/// held at a point if it is held on some path to it. Guards acquire at their
/// declaration unless deferred or made from an awaited (async) lock, pass
/// their state on when moved, release on unlock()/release() and when their
/// scope ends on any edge (break, return, co_return, goto, throw into a
/// handler); mutexes locked by hand release on unlock().
class LockFlow {
public:
  LockFlow(BodyCfg &Cfg, const clang::FunctionDecl &FD,
           clang::ASTContext &Context, const LockVocabulary &Vocabulary);

  const std::vector<TrackedLock> &locks() const { return Locks; }

  /// The suspension points (co_await, co_yield) lock \p Index may be held
  /// across, in source order. A suspension whose awaited call takes the lock
  /// or its mutex releases it meanwhile (a condition-variable wait) and does
  /// not count.
  llvm::ArrayRef<clang::SourceLocation>
  suspensionsHolding(unsigned Index) const;

  /// The locks that may be held while \p Call runs (looked up at \p Anchor,
  /// the statement of this body that runs it), except one the call takes as
  /// an argument or object (cv.wait(lock) releases it).
  llvm::SmallVector<const TrackedLock *, 2>
  heldDuring(const clang::Expr &Anchor, const clang::Expr &Call) const;

  struct Impl;

private:
  void recordSuspension(const clang::Stmt &Suspension,
                        const llvm::BitVector &Held,
                        const clang::SourceManager &SM);

  std::vector<TrackedLock> Locks;
  std::vector<llvm::SmallVector<clang::SourceLocation, 2>> Suspensions;
  /// Lock indices that may be held before each call or construction.
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<unsigned, 2>>
      HeldBefore;
};

/// The declarations \p Call (a call or construction) hands to its callee:
/// the variables or members its arguments and object name, looking through
/// '&', '*', std::move and member-access chains.
llvm::SmallVector<const clang::ValueDecl *, 4>
declsPassedTo(const clang::Expr &Call);

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_FLOWS_LOCKFLOW_H
