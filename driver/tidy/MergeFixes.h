//===----------------------------------------------------------------------===//
// coro-tidy --merge-fixes=DIR --export-fixes=FILE [--fix-notes]: one fixes
// file from every translation unit's, for clang-apply-replacements.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_MERGEFIXES_H
#define CORO_TIDY_DRIVER_MERGEFIXES_H

#include "llvm/ADT/StringRef.h"

namespace coro_tidy {

/// Merges clang-tidy's exported fixes (*.yaml under \p FixesDir, one per
/// translation unit) into \p OutFile, each diagnostic once (a finding in a
/// header is exported by every unit that includes it). A note's fix is
/// applied only as clang-tidy --fix-notes applies it: with \p FixNotes, the
/// first note's fix of a diagnostic without one becomes the diagnostic's;
/// without, notes keep no fix (clang-apply-replacements would apply it).
/// Returns the exit status: 1, with the file and the reason on stderr, when
/// a file cannot be read or written.
int mergeFixes(llvm::StringRef FixesDir, llvm::StringRef OutFile,
               bool FixNotes);

} // namespace coro_tidy

#endif // CORO_TIDY_DRIVER_MERGEFIXES_H
