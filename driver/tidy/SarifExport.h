//===----------------------------------------------------------------------===//
// --export-sarif=FILE: coro-tidy's findings as a SARIF 2.1.0 log, for GitHub
// code scanning and other SARIF viewers.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_SARIFEXPORT_H
#define CORO_TIDY_DRIVER_SARIFEXPORT_H

#include "llvm/ADT/StringRef.h"

namespace coro_tidy {

/// Converts clang-tidy's exported diagnostics (\p FixesFile, absent when
/// there were none) into a SARIF log at \p SarifFile. A coro-* rule links
/// its documentation only when \p DocsUrl is given ("{check}" in it is
/// replaced by the rule). False, with a message on stderr, if it cannot be
/// written.
bool writeSarif(llvm::StringRef FixesFile, llvm::StringRef SarifFile,
                llvm::StringRef DocsUrl);

} // namespace coro_tidy

#endif // CORO_TIDY_DRIVER_SARIFEXPORT_H
