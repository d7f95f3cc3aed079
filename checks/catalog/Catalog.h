//===----------------------------------------------------------------------===//
// The blocking-API catalog: what coro-tidy knows blocks a thread.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CATALOG_CATALOG_H
#define CORO_TIDY_CATALOG_CATALOG_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace coro_tidy {

/// What a catalog entry names.
enum class EntryKind {
  Function,   ///< A free function or a member function.
  Method,     ///< A member function only.
  Constructor ///< The constructors of a class (named by the class).
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
