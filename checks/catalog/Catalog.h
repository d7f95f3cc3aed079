//===----------------------------------------------------------------------===//
// The blocking-API catalog: what coro-tidy knows blocks a thread, and what
// it knows of coroutine frameworks.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CATALOG_CATALOG_H
#define CORO_TIDY_CATALOG_CATALOG_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace coro_tidy {

/// What a catalog entry names.
enum class EntryKind {
  Function,   ///< A free function or a member function.
  Method,     ///< A member function only.
  Constructor ///< The constructors of a class (named by the class).
};

/// A rewrite of a blocking call into its awaitable form in one framework.
/// "${1}" in Replacement stands for the source text of the first argument.
struct CatalogFix {
  std::string Replacement;
  /// Qualified names the replacement uses; the fix is offered only when all
  /// are declared in the translation unit, so that the result compiles.
  std::vector<std::string> Requires;
};

/// A condition under which a call cannot block: argument Argument (1-based)
/// is zero, has one of the bits of FlagMask set, is a constant of at most
/// AtMost, is a string literal starting with one of Prefixes (a path under
/// /proc is kernel memory, not a disk), or, with NumericHost, a host a name
/// lookup parses without asking a name service ("0.0.0.0", "::1"); for a
/// host built from other values, see analysis/evidence/HostEvidence.h.
struct NonBlockingCondition {
  unsigned Argument = 0;
  bool Zero = false;
  uint64_t FlagMask = 0;
  std::optional<uint64_t> AtMost;
  std::vector<std::string> Prefixes;
  /// A string literal equal to one of these (SQLite's ":memory:").
  std::vector<std::string> Equals;
  bool NumericHost = false;
};

/// One blocking API (or executor switch, or offload API), as written in a
/// catalog file.
struct CatalogEntry {
  /// Fully qualified, without a leading "::"; class templates without
  /// arguments ("std::basic_ifstream::read").
  std::string Name;
  EntryKind Kind = EntryKind::Function;
  std::string Category;
  std::string Reason;
  std::string Alternative;
  /// The call matches only if an argument (or the object) is one of these
  /// variables or has one of these class types.
  std::vector<std::string> WhenArgument;
  /// The call never matches if an argument (or the object) is one of these.
  std::vector<std::string> UnlessArgument;
  /// The entry matches only a member call on a future that an asynchronous
  /// operation produced (std::async, asio::use_future): one of
  /// AsyncFutureSources (future sources or tokens), or any if it is empty.
  bool OnAsyncFuture = false;
  std::vector<std::string> AsyncFutureSources;
  /// The call runs an event loop until it is stopped: a coroutine that never
  /// suspends and calls it is that loop's pump on the thread that started it.
  bool RunsEventLoop = false;
  /// Methods that fulfil the promise the waited-on object was made from
  /// (`p.set_value(1); p.get_awaitable().sync_wait()`): a wait after one of
  /// them returns at once.
  std::vector<std::string> ReadyAfter;
  /// The call does not block when one of these holds (a zero timeout).
  std::vector<NonBlockingCondition> NonBlockingIf;
  /// The argument (1-based) holding the file descriptor the call works on,
  /// or 0: a descriptor shown to be non-blocking does not block.
  unsigned DescriptorArgument = 0;
  /// The argument (1-based) holding a database handle, or 0; when the
  /// handle is an in-memory database on every path to the call, the call is
  /// classified as InMemory says (CPU work, not a wait for a file).
  unsigned InMemoryArgument = 0;
  std::shared_ptr<const CatalogEntry> InMemory;
  /// Per-framework alternatives and fixes, keyed by framework name.
  std::map<std::string, std::string> Alternatives;
  std::map<std::string, CatalogFix> Fixes;
  /// Where the entry was written, for provenance.
  std::string File;
  unsigned Line = 0;
};

/// A problem in a catalog file; Line and Column are 1-based, 0 if unknown.
struct CatalogError {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  std::string Message;
};

/// Entries indexed by name for constant-time lookup.
class Catalog {
public:
  void add(CatalogEntry Entry);
  /// Entries named \p Name (several when their argument conditions differ).
  llvm::ArrayRef<CatalogEntry> lookup(llvm::StringRef Name) const;
  size_t size() const { return Size; }
  /// Every entry, in name order.
  std::vector<const CatalogEntry *> all() const;
  /// The methods any entry's ready-after names.
  const llvm::StringSet<> &readyAfterMethods() const { return ReadyAfter; }

private:
  llvm::StringMap<std::vector<CatalogEntry>> ByName;
  llvm::StringSet<> ReadyAfter;
  size_t Size = 0;
};

/// A catalog built from the default and user files, with the problems found.
/// Immutable once built; shared by every check and thread.
struct LoadedCatalog {
  Catalog Entries;
  /// Awaitables that move the coroutine onto a pool for blocking work.
  Catalog ExecutorSwitches;
  /// Awaitables that look like a switch but resume the coroutine on its own
  /// executor; Reason says why, for a note.
  Catalog NonMovingHops;
  /// Calls that run the callables handed to them on another executor.
  Catalog OffloadApis;
  /// Functions (and classes, for their constructors) that run their
  /// callable arguments inline, on the caller's thread.
  llvm::StringSet<> Synchronous;
  /// Parameter types that make a coroutine start on the executor passed
  /// beside them (concurrencpp::executor_tag).
  llvm::StringSet<> ExecutorTags;
  /// Lock guard class templates (besides scoped-lockable types), mutex
  /// types whose lock() blocks a thread, and mutex types whose waiters
  /// suspend instead.
  llvm::StringSet<> LockGuards;
  llvm::StringSet<> Mutexes;
  llvm::StringSet<> AsyncMutexes;
  /// Namespaces, classes and functions whose bodies a chain through helper
  /// functions does not enter: logging libraries, called from every thread
  /// by design, whose sinks may write to files.
  llvm::StringSet<> NotFollowed;
  /// Categories reported only when named explicitly.
  std::vector<std::string> OptInCategories;
  /// Task type name -> framework name.
  llvm::StringMap<std::string> FrameworkOfTaskType;
  /// Functions returning an asynchronous operation's future, and completion
  /// tokens that make any call return one.
  llvm::StringSet<> FutureSources;
  std::vector<std::string> FutureTokens;
  /// Framework name -> how to offload blocking work there.
  llvm::StringMap<std::string> OffloadOf;
  /// Framework name -> what to use instead of a lock held across co_await.
  llvm::StringMap<std::string> LockAlternativeOf;
  /// Every file the catalog was read from, for cache invalidation.
  std::vector<std::string> FilesRead;
  std::vector<CatalogError> Errors;
};

/// Normalizes a user-written qualified name: trims blanks and a leading "::".
llvm::StringRef normalizeQualifiedName(llvm::StringRef Name);

} // namespace coro_tidy

#endif // CORO_TIDY_CATALOG_CATALOG_H
