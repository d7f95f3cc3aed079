//===----------------------------------------------------------------------===//
// The blocking-API catalog: what coro-tidy knows blocks a thread.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CATALOG_CATALOG_H
#define CORO_TIDY_CATALOG_CATALOG_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <map>
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
/// is zero, or has one of the bits of FlagMask set.
struct NonBlockingCondition {
  unsigned Argument = 0;
  bool Zero = false;
  uint64_t FlagMask = 0;
};

/// One blocking API, as written in a catalog file.
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
  /// operation produced (std::async, asio::use_future).
  bool OnAsyncFuture = false;
  /// The call does not block when one of these holds (a zero timeout).
  std::vector<NonBlockingCondition> NonBlockingIf;
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

private:
  llvm::StringMap<std::vector<CatalogEntry>> ByName;
  size_t Size = 0;
};

/// Normalizes a user-written qualified name: trims blanks and a leading "::".
llvm::StringRef normalizeQualifiedName(llvm::StringRef Name);

} // namespace coro_tidy

#endif // CORO_TIDY_CATALOG_CATALOG_H
