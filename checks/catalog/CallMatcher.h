//===----------------------------------------------------------------------===//
// Finds the catalog entry a call or construction invokes.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CATALOG_CALLMATCHER_H
#define CORO_TIDY_CATALOG_CALLMATCHER_H

#include "catalog/Catalog.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>
#include <vector>

namespace coro_tidy {

struct CatalogMatch {
  const CatalogEntry *Entry = nullptr;
};

/// The first entry of \p Entries that \p Call invokes and \p Accept admits.
/// A method entry may name the declaring class or the class of the object
/// it is called on (or a class in between): "std::basic_ifstream::read"
/// matches read() on an ifstream although basic_istream declares it.
/// Entries whose nonblocking-if conditions hold (a zero timeout) do not
/// match.
std::optional<CatalogMatch>
matchCatalogEntry(const Catalog &Entries, const clang::Expr &Call,
                  const clang::ASTContext &Context,
                  llvm::function_ref<bool(const CatalogEntry &)> Accept);

/// True if the catalog's not-followed list names \p Callee, its class or a
/// namespace around it.
bool isNotFollowed(const clang::FunctionDecl &Callee,
                   const LoadedCatalog &Catalog);

/// True if an entry of \p Entries names \p Call, whatever its conditions
/// say: the catalog is the word on what the call does.
bool catalogNames(const Catalog &Entries, const clang::Expr &Call,
                  const clang::ASTContext &Context);

/// The text of \p E when it is a narrow string literal, seen through the
/// conversions that carry one into a parameter (decay, std::string,
/// std::filesystem::path, std::string_view construction).
std::optional<llvm::StringRef> stringLiteralOf(const clang::Expr &E);

/// The argument of \p Call a nonblocking-if condition is about, if the call
/// has it.
const clang::Expr *conditionArgument(const NonBlockingCondition &Condition,
                                     const clang::Expr &Call);

/// True if \p Host is a null pointer or a string literal a name lookup
/// parses without a name service ("0.0.0.0", "::1", "").
bool isLiteralNumericHost(const clang::Expr &Host);

/// True if a catalog entry names \p Call and one of its nonblocking-if
/// conditions holds: fopen("/proc/meminfo"), a zero timeout.
bool isNonBlockingByCondition(const Catalog &Entries, const clang::Expr &Call,
                              const clang::ASTContext &Context);

/// True if \p Call is a member call on a future that an asynchronous
/// operation produced: the object, or the variable it names, was initialized
/// by a call to one of \p Catalog's future sources or a call taking one of
/// its future tokens.
bool isCallOnAsyncFuture(const clang::Expr &Call, const LoadedCatalog &Catalog);

/// True if \p Call (a call or a construction) runs its callable arguments
/// inline: the catalog lists the callee, or the constructed class, under
/// synchronous or fork-join.
bool runsCallablesInline(const clang::Expr &Call, const LoadedCatalog &Catalog);

/// The executor switch \p Call is, if the catalog lists it: co_await on it
/// moves the coroutine onto a pool meant for blocking work.
const CatalogEntry *executorSwitch(const clang::Expr &Call,
                                   const LoadedCatalog &Catalog,
                                   const clang::ASTContext &Context);

/// The hop \p Call is, if the catalog knows it does not move the coroutine.
const CatalogEntry *nonMovingHop(const clang::Expr &Call,
                                 const LoadedCatalog &Catalog,
                                 const clang::ASTContext &Context);

/// True if \p Coroutine is a coroutine lambda handed straight to one of the
/// catalog's offload APIs (asio::co_spawn onto a thread_pool): it runs on
/// that executor, where blocking is expected. Looks at parents, so only
/// coroutine lambdas pay for the parent map.
bool isOffloadedCoroutineLambda(const clang::FunctionDecl &Coroutine,
                                const LoadedCatalog &Catalog,
                                clang::ASTContext &Context);

/// The coroutines a match found that run on their caller's executor: those
/// handed straight to an offload API are left out.
llvm::SmallVector<const clang::FunctionDecl *, 4> coroutinesOnCallerExecutor(
    const clang::ast_matchers::MatchFinder::MatchResult &Result,
    const LoadedCatalog &Catalog);

/// The names under which the catalog may list what \p Call calls: the
/// callee, the callee through the object's class, and for a call of a
/// function object declared at namespace scope (std::ranges::for_each) the
/// object. A local variable, parameter or member is never taken for a
/// catalog entry by its name.
std::vector<std::string> calleeNames(const clang::CallExpr &Call);

} // namespace coro_tidy

#endif // CORO_TIDY_CATALOG_CALLMATCHER_H
