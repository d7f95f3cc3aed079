//===----------------------------------------------------------------------===//
// --export-sarif=FILE: coro-tidy's findings as a SARIF 2.1.0 log, for GitHub
// code scanning and other SARIF viewers.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_SARIFEXPORT_H
#define CORO_TIDY_DRIVER_SARIFEXPORT_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace coro_tidy {

/// Removes --export-sarif=FILE from \p Args and returns FILE. When it was
/// there, also makes sure \p Args exports fixes (the SARIF source) and
/// returns that file in \p FixesFile, telling whether it is a temporary
/// one, to remove after use.
std::optional<std::string> takeSarifOption(std::vector<std::string> &Args,
                                           std::string &FixesFile,
                                           bool &FixesFileIsTemporary);

/// Converts clang-tidy's exported diagnostics (\p FixesFile, absent when
/// there were none) into a SARIF log at \p SarifFile. False, with a message
/// on stderr, if it cannot be written.
bool writeSarif(llvm::StringRef FixesFile, llvm::StringRef SarifFile);

} // namespace coro_tidy

#endif // CORO_TIDY_DRIVER_SARIFEXPORT_H
