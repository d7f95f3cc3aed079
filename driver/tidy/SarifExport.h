//===----------------------------------------------------------------------===//
// --export-sarif=FILE: coro-tidy's findings as a SARIF 2.1.0 log, for GitHub
// code scanning and other SARIF viewers.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_SARIFEXPORT_H
#define CORO_TIDY_DRIVER_SARIFEXPORT_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace coro_tidy {

struct SarifOptions {
  /// A coro-* rule links its documentation only when this is given
  /// ("{check}" in it is replaced by the rule).
  std::string DocsUrl;
  /// Locations in files under this folder are relative to %SRCROOT%, as
  /// code scanning wants them; empty: the top of the git work tree that
  /// holds the current directory, else the current directory.
  std::string SourceRoot;
};

/// Converts clang-tidy's exported diagnostics (\p FixesFile, absent when
/// there were none) into a SARIF log at \p SarifFile. False, with a message
/// on stderr, if it cannot be written.
bool writeSarif(llvm::StringRef FixesFile, llvm::StringRef SarifFile,
                const SarifOptions &Options);

} // namespace coro_tidy

#endif // CORO_TIDY_DRIVER_SARIFEXPORT_H
