//===----------------------------------------------------------------------===//
// coro-tidy --write-baseline=FILE / --baseline=FILE: adopting the tool on
// code that has findings, file by file (a pre-commit hook), with the same
// baseline file run-coro-tidy reads and writes.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_BASELINE_H
#define CORO_TIDY_DRIVER_BASELINE_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace coro_tidy {

/// What to do with the findings of one run.
struct BaselineRequest {
  /// --write-baseline: record every finding in this file.
  std::string WritePath;
  /// --baseline: print only the findings this file does not record.
  std::string ReadPath;
};

/// Runs clang-tidy (\p Tidy, the driver's own executable, with \p Args) with
/// its output captured, then applies \p Request: writes the findings as a
/// baseline, or prints only those the baseline does not record. Findings
/// are keyed as run-coro-tidy keys them (the check, the file relative to
/// the baseline's folder, the quoted names before the message's reason),
/// so moved lines and reworded advice keep their key. The exit status:
/// with --baseline 1 when a finding is new or a file does not compile,
/// with --write-baseline 1 only when a file does not compile; 2 when the
/// baseline cannot be read or written.
int runWithBaseline(llvm::StringRef Tidy, const std::vector<std::string> &Args,
                    const BaselineRequest &Request);

} // namespace coro_tidy

#endif // CORO_TIDY_DRIVER_BASELINE_H
