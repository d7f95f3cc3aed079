//===----------------------------------------------------------------------===//
// coro-tidy runs coro-* when nothing else picks checks.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_DEFAULTCHECKS_H
#define CORO_TIDY_DRIVER_DEFAULTCHECKS_H

#include "llvm/ADT/ArrayRef.h"
#include <string>
#include <vector>

namespace coro_tidy {

/// The checks coro-tidy enables when neither the command line nor a
/// configuration file chooses any.
inline constexpr const char *DefaultChecks = "-*,coro-*";

/// \p Args (argv without argv[0]) with "--checks=-*,coro-*" added unless an
/// option (-checks, -config, -config-file) or a .clang-tidy above a source
/// file or the working directory sets Checks.
std::vector<std::string> withDefaultChecks(llvm::ArrayRef<std::string> Args);

} // namespace coro_tidy

#endif // CORO_TIDY_DRIVER_DEFAULTCHECKS_H
