//===----------------------------------------------------------------------===//
// coro-tidy runs coro-* when nothing else picks checks.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_DEFAULTCHECKS_H
#define CORO_TIDY_DRIVER_DEFAULTCHECKS_H

#include "DriverArguments.h"

namespace coro_tidy {

/// The checks coro-tidy enables when neither the command line nor a
/// configuration file chooses any.
inline constexpr const char *DefaultChecks = "-*,coro-*";

/// Adds "--checks=-*,coro-*" to \p Args unless an option (-checks, -config,
/// -config-file) or a .clang-tidy above a source file or the working
/// directory sets Checks.
void addDefaultChecks(DriverArguments &Args);

} // namespace coro_tidy

#endif // CORO_TIDY_DRIVER_DEFAULTCHECKS_H
