//===----------------------------------------------------------------------===//
// Which calls block the thread that makes them, on evidence: the catalog and
// the coro::blocking annotation.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_BLOCKINGCALLS_H
#define CORO_TIDY_ANALYSIS_BLOCKINGCALLS_H

#include "analysis/evidence/DescriptorEvidence.h"
#include "analysis/evidence/HostEvidence.h"
#include "analysis/flows/ReadinessFlow.h"
#include "catalog/CallMatcher.h"
#include "catalog/Catalog.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLExtras.h"
#include <map>
#include <memory>

namespace coro_tidy {

/// The catalog's entry for \p Call, made in \p Caller's body, if it is a
/// synchronous wait for async work (category sync-wait): sync_wait,
/// blockingWait, io_context::run, get() on the future of an async
/// operation. A wait that returns at once, by what \p Ready shows on every
/// path to it, is none: on an object already awaited, or on a promise
/// fulfilled before it (the entry's ready-after).
/// A wait let go this way says why in \p WhyLetGo, if given.
const CatalogEntry *findSyncWait(const clang::Expr &Call,
                                 const clang::FunctionDecl &Caller,
                                 const Readiness &Ready, CallResolver &Calls,
                                 clang::ASTContext &Context,
                                 std::string *WhyLetGo = nullptr);

/// Why \p Call (a member call matching \p Entry) returns at once, if it
/// waits on an object \p Ready shows awaited (`co_await F;` then `F.get()`).
std::optional<std::string> readyObjectReason(const CatalogEntry &Entry,
                                             const clang::Expr &Call,
                                             const Readiness &Ready);

/// The annotation \p Prefix ("coro::blocking" or "coro::blocking:CATEGORY")
/// on \p Callee or a redeclaration, if any.
std::optional<llvm::StringRef> annotation(const clang::FunctionDecl &Callee,
                                          llvm::StringRef Prefix);

inline constexpr llvm::StringLiteral BlockingAnnotation = "coro::blocking";
/// The category of a function annotated coro::blocking without one.
inline constexpr llvm::StringLiteral AnnotatedCategory = "annotated";
inline constexpr llvm::StringLiteral NonBlockingAnnotation =
    "coro::nonblocking";

/// Finds what a call blocks on, for one translation unit: the catalog entry
/// it invokes (sync waits included or not), or an entry made for a function
/// annotated coro::blocking. Calls to a coro::nonblocking function, calls
/// whose nonblocking-if conditions hold, waits on an object ready on every
/// path (ReadinessFlow), descriptor I/O shown non-blocking (ReadinessFlow,
/// DescriptorEvidence), I/O through a handle opened on a file that cannot
/// block on every path (ReadinessFlow) and a lookup of a host that can only be
/// a numeric address (HostEvidence) block nothing.
class BlockingClassifier {
public:
  /// \p UseDescriptorEvidence: descriptor I/O shown non-blocking does not
  /// block.
  BlockingClassifier(const LoadedCatalog &Catalog, bool UseDescriptorEvidence)
      : Calls(Catalog), UseDescriptorEvidence(UseDescriptorEvidence) {}

  /// The calls of this translation unit, each resolved once.
  CallResolver &calls() { return Calls; }

  /// \p Caller is the function whose body makes the call, \p Ready what
  /// holds on every path to it there; \p Accept filters catalog entries (a
  /// check's categories and allowed functions). A call that names an entry
  /// but is let go by one of the rules says why in \p WhyLetGo, if given.
  const CatalogEntry *
  classify(const clang::Expr &Call, const clang::FunctionDecl &Caller,
           const Readiness &Ready, clang::ASTContext &Context,
           bool IncludeSyncWaits,
           llvm::function_ref<bool(const CatalogEntry &)> Accept,
           std::string *WhyLetGo = nullptr);

  /// An entry made for a function the catalog does not list.
  const CatalogEntry &syntheticEntry(const clang::FunctionDecl &Callee,
                                     llvm::StringRef Category,
                                     llvm::StringRef Reason,
                                     llvm::StringRef Alternative);

private:
  /// Why descriptor I/O \p Call returns at once, if it is shown so.
  std::optional<std::string>
  nonBlockingReason(const CatalogEntry &Entry, const clang::Expr &Call,
                    const clang::FunctionDecl &Caller, const Readiness &Ready,
                    clang::ASTContext &Context);
  bool looksUpNumericHost(const CatalogEntry &Entry, const clang::Expr &Call,
                          clang::ASTContext &Context);

  CallResolver Calls;
  const bool UseDescriptorEvidence;
  std::map<const clang::FunctionDecl *, std::unique_ptr<CatalogEntry>>
      Synthetic;
  std::map<const clang::FunctionDecl *, std::unique_ptr<DescriptorEvidence>>
      Evidence;
  /// Built on the first lookup whose host is not a literal.
  std::unique_ptr<HostEvidence> Hosts;
};

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_BLOCKINGCALLS_H
