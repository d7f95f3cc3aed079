//===----------------------------------------------------------------------===//
// What the catalog says of a call, resolved once per call.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CATALOG_CALLMATCHER_H
#define CORO_TIDY_CATALOG_CALLMATCHER_H

#include "catalog/Catalog.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <string>
#include <vector>

namespace coro_tidy {

/// An entry of the catalog listed under a name the call may have.
struct NamingEntry {
  const CatalogEntry *Entry = nullptr;
  /// Which of CallFacts::Candidates it is listed under.
  unsigned Candidate = 0;
  /// Its when-argument and unless-argument filters admit the call.
  bool FiltersMet = false;
  /// One of its nonblocking-if conditions holds at the call (a zero
  /// timeout, a path under /proc).
  bool ConditionHolds = false;
};

/// Everything the catalog says of one call or construction. A method entry
/// may name the declaring class or the class of the object it is called on
/// (or a class in between): "std::basic_ifstream::read" names read() on an
/// ifstream although basic_istream declares it.
struct CallFacts {
  /// The names the catalog may list the call under, most specific first:
  /// the callee, the callee through the object's class, and for a call of
  /// a function object declared at namespace scope (std::ranges::for_each)
  /// the object. A local variable, parameter or member is never taken for a
  /// catalog entry by its name.
  llvm::SmallVector<std::string, 4> Candidates;
  /// The blocking APIs' entries of a matching kind listed under those
  /// names, in match order.
  llvm::SmallVector<NamingEntry, 2> Named;
  /// A call in an uninstantiated template that lookup could not resolve:
  /// an entry matches only if every candidate is an entry.
  bool Unresolved = false;
  /// For a member call on a future an asynchronous operation produced, what
  /// produced it: the object, or the variable it names, was initialized by
  /// a call to one of the catalog's future sources (that source's name) or
  /// a call taking one of its future tokens (the token's type). Decided
  /// only when a named entry asks (on-async-future); "" otherwise.
  std::string AsyncFutureSource;
  /// The call runs its callable arguments inline (synchronous, fork-join).
  bool RunsCallablesInline = false;
  /// co_await on it moves the coroutine onto a pool for blocking work.
  const CatalogEntry *ExecutorSwitch = nullptr;
  /// It looks like a switch but resumes on the coroutine's own executor.
  const CatalogEntry *NonMovingHop = nullptr;
  /// It runs the callables handed to it on another executor.
  const CatalogEntry *OffloadApi = nullptr;

  /// The first named entry \p Accept admits whose filters admit the call
  /// and none of whose conditions hold: what the call blocks on.
  const CatalogEntry *
  blockingEntry(llvm::function_ref<bool(const CatalogEntry &)> Accept) const;
  /// True if an entry names the call, whatever its conditions say: the
  /// catalog is the word on what the call does.
  bool isNamed() const;
  /// True if an entry names the call and one of its conditions holds.
  bool isLetGoByCondition() const;
};

/// Resolves calls against one catalog for one translation unit, each call
/// once; every question about a call reads its CallFacts.
class CallResolver {
public:
  explicit CallResolver(const LoadedCatalog &Catalog) : Catalog(Catalog) {}

  const CallFacts &resolve(const clang::Expr &Call,
                           const clang::ASTContext &Context);
  const LoadedCatalog &catalog() const { return Catalog; }

private:
  const LoadedCatalog &Catalog;
  llvm::DenseMap<const clang::Expr *, std::unique_ptr<CallFacts>> Resolved;
};

/// True if the catalog's not-followed list names \p Callee, its class or a
/// namespace around it.
bool isNotFollowed(const clang::FunctionDecl &Callee,
                   const LoadedCatalog &Catalog);

/// True if \p Coroutine is a coroutine lambda handed straight to one of the
/// catalog's offload APIs (asio::co_spawn onto a thread_pool): it runs on
/// that executor, where blocking is expected. Looks at parents, so only
/// coroutine lambdas pay for the parent map.
bool isOffloadedCoroutineLambda(const clang::FunctionDecl &Coroutine,
                                CallResolver &Calls,
                                clang::ASTContext &Context);

/// The coroutines a match found that run on their caller's executor: those
/// handed straight to an offload API are left out.
llvm::SmallVector<const clang::FunctionDecl *, 4> coroutinesOnCallerExecutor(
    const clang::ast_matchers::MatchFinder::MatchResult &Result,
    CallResolver &Calls);

} // namespace coro_tidy

#endif // CORO_TIDY_CATALOG_CALLMATCHER_H
