//===----------------------------------------------------------------------===//
// What a call shows about SQLite handles: opened in memory, or prepared on
// a database.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_EVIDENCE_DATABASEEVIDENCE_H
#define CORO_TIDY_ANALYSIS_EVIDENCE_DATABASEEVIDENCE_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include <optional>

namespace coro_tidy {

/// A database handle a call opens.
struct DatabaseOpen {
  const clang::ValueDecl *Handle = nullptr;
  /// Shown to be an in-memory database: the name ":memory:", or
  /// sqlite3_open_v2's flags setting SQLITE_OPEN_MEMORY. A URI name
  /// ("file::memory:") depends on how SQLite was built, and proves nothing.
  bool InMemory = false;
};

/// The handle \p Call opens, if it is sqlite3_open, sqlite3_open16 or
/// sqlite3_open_v2 given a local's or member's address.
std::optional<DatabaseOpen> databaseOpenOf(const clang::CallExpr &Call,
                                           const clang::ASTContext &Context);

/// A statement a call prepares, and the database it is prepared on.
struct StatementPrepare {
  const clang::ValueDecl *Statement = nullptr;
  const clang::ValueDecl *Database = nullptr;
};

/// What \p Call prepares, if it is one of the sqlite3_prepare functions.
std::optional<StatementPrepare> statementPrepareOf(const clang::CallExpr &Call);

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_EVIDENCE_DATABASEEVIDENCE_H
