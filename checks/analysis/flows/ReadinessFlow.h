//===----------------------------------------------------------------------===//
// What is ready on every path to a call: a must analysis on the CFG.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_FLOWS_READINESSFLOW_H
#define CORO_TIDY_ANALYSIS_FLOWS_READINESSFLOW_H

#include "analysis/flows/BodyCfg.h"
#include "catalog/CallMatcher.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include <cstdint>
#include <string>
#include <vector>

namespace coro_tidy {

class ReadinessFlow;

/// A fact that makes a wait on one object return at once.
enum class ReadyKind : std::uint8_t {
  /// `co_await F`: F's own completion was awaited.
  AwaitedItself,
  /// F was handed to an await (`co_await qCoro(F)`) or made by one
  /// (`auto F = co_await R.resolve()`): its result is ready, not the object
  /// (a socket that came out of an await is connected, not readable).
  AwaitedResult,
  /// A method that fulfils it (set_value) was called on the promise.
  Fulfilled,
  /// The descriptor was put in non-blocking mode or created in it, and not
  /// switched back.
  NonBlockingDescriptor,
  /// An operation on the descriptor was awaited (a readiness wait).
  DescriptorAwaited,
  /// The database handle was opened in memory, or the statement prepared
  /// on such a handle.
  InMemoryDatabase,
  /// The local handle (a stream, a FILE*) was opened on a file that cannot
  /// block (/proc, /sys) and does not escape.
  NonBlockingHandle,
};

/// One fact about one object.
struct ReadyFact {
  const clang::ValueDecl *Object = nullptr;
  ReadyKind Kind = ReadyKind::AwaitedItself;
  /// For Fulfilled: the method called.
  std::string Method;
};

/// The facts that hold on every path to one statement; none by default.
class Readiness {
public:
  /// True if a wait on \p Object returns at once: it was awaited itself, or
  /// with \p WaitsForResult (get() on a future) handed to or made by an
  /// await.
  bool isAwaited(const clang::ValueDecl *Object, bool WaitsForResult) const;
  /// True if one of \p Fulfils was called on \p Promise.
  bool isFulfilled(const clang::ValueDecl *Promise,
                   llvm::ArrayRef<std::string> Fulfils) const;
  /// True if \p Descriptor is non-blocking or was awaited ready.
  bool isDescriptorReady(const clang::ValueDecl *Descriptor) const;
  /// True if \p Handle is an in-memory database or a statement on one.
  bool isInMemoryDatabase(const clang::ValueDecl *Handle) const;
  /// True if \p Handle was opened on a file that cannot block.
  bool isNonBlockingHandle(const clang::ValueDecl *Handle) const;
  bool empty() const { return Facts.none(); }

private:
  friend class ReadinessFlow;
  bool holds(llvm::function_ref<bool(const ReadyFact &)> Matches) const;

  const ReadinessFlow *Flow = nullptr;
  llvm::BitVector Facts;
};

/// Solves which ReadyFacts hold before each call of a body: an await, a
/// fulfilling call, a mode change, an in-memory open or an open of a file
/// that cannot block makes a fact, a new value of the object (its
/// declaration, an assignment, a swap, an open or freopen, a non-const
/// reference handed to a call for a future or promise, its address handed to
/// a call for a database handle) ends it, and so does the first operation on
/// a descriptor awaited ready (it may take all that was ready). Paths join
/// by intersection, exceptional edges included. A body with nothing to track
/// builds no graph.
class ReadinessFlow {
public:
  /// \p GetCfg gives the body's graph (null if there is none); it is called
  /// only when the body has a fact to track.
  ReadinessFlow(const clang::FunctionDecl &FD, CallResolver &Calls,
                clang::ASTContext &Context,
                llvm::function_ref<BodyCfg *()> GetCfg);

  /// The facts when \p Anchor (a call or construction of the body) starts.
  Readiness at(const clang::Stmt &Anchor) const;

  const std::vector<ReadyFact> &facts() const { return Facts; }

  struct Impl;

private:
  std::vector<ReadyFact> Facts;
  llvm::DenseMap<const clang::Stmt *, llvm::BitVector> Before;
};

/// The local promise the wait \p Wait (a member call) waits on, if it is
/// made from one (`p.get_awaitable().sync_wait()`, or through a local of
/// \p Caller only ever given such a call).
const clang::VarDecl *promiseWaitedOn(const clang::Expr &Wait,
                                      const clang::FunctionDecl &Caller);

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_FLOWS_READINESSFLOW_H
