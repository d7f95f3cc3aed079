//===----------------------------------------------------------------------===//
// coro-tidy --merge-summaries=DIR --summary-index=FILE: the reduce step of
// the project's summary index.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_MERGESUMMARIES_H
#define CORO_TIDY_DRIVER_MERGESUMMARIES_H

#include "llvm/ADT/StringRef.h"

namespace coro_tidy {

/// Merges every summary (*.json) under \p SummaryDir into the index
/// \p IndexFile, replaced at once. Returns the exit status: 1, with the
/// file and the reason on stderr, when a summary cannot be read (an index
/// without some translation unit's facts would lose findings silently).
int mergeSummaries(llvm::StringRef SummaryDir, llvm::StringRef IndexFile);

} // namespace coro_tidy

#endif // CORO_TIDY_DRIVER_MERGESUMMARIES_H
