//===----------------------------------------------------------------------===//
// The project's summary index found without configuration, beside the
// compile database as clangd keeps its own index, and whether its entries
// still describe the files on disk.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_SUMMARIES_PROJECTINDEX_H
#define CORO_TIDY_ANALYSIS_SUMMARIES_PROJECTINDEX_H

#include "analysis/summaries/SummaryIndex.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace coro_tidy {

/// Where run-coro-tidy keeps a project's facts and index, relative to the
/// directory of compile_commands.json.
constexpr llvm::StringLiteral ProjectIndexDirectory = ".cache/coro-tidy";
constexpr llvm::StringLiteral ProjectIndexFile = "index.json";

/// The index of the project \p MainFile belongs to: the first directory,
/// going up from \p CompileDirectory and then from \p MainFile's directory,
/// that holds compile_commands.json and ProjectIndexDirectory/index.json,
/// itself or in its build/ (where clangd looks for a compile database).
std::optional<std::string> findProjectIndex(llvm::StringRef CompileDirectory,
                                            llvm::StringRef MainFile);

/// Whether the translation units an index was merged from would read today
/// what they read then. Each file is hashed once per instance: one per
/// translation unit checked, so that an edit is seen on the next run.
class IndexFreshness {
public:
  explicit IndexFreshness(const SummaryIndex &Index) : Index(Index) {}

  /// The first input of \p U (absolute) that is gone or hashes otherwise,
  /// if any.
  std::optional<std::string> changedInput(const SummaryIndex::Unit &U);

private:
  llvm::StringRef hashOf(llvm::StringRef File);

  const SummaryIndex &Index;
  llvm::StringMap<std::string> Hashes; // "" when the file cannot be read
};

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_SUMMARIES_PROJECTINDEX_H
