//===----------------------------------------------------------------------===//
// Path helpers: where a configured path resolves, and paths relative to a
// directory, so that what coro-tidy writes does not depend on the machine.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_UTILS_PATHS_H
#define CORO_TIDY_UTILS_PATHS_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace clang {
class SourceManager;
} // namespace clang

namespace coro_tidy {

/// The directory of the nearest .clang-tidy above \p File, if any.
std::optional<std::string> configDirectoryOf(llvm::StringRef File);

/// \p Path as an option names it: absolute as is; relative, against the
/// directory of the nearest .clang-tidy above \p MainFile, else against the
/// working directory (else unchanged, so that reading it fails under the
/// name the user wrote).
std::string resolveConfiguredPath(llvm::StringRef Path,
                                  llvm::StringRef MainFile);

/// \p Path (absolute, or relative to the directory \p From) relative to the
/// directory \p To, with ".." where needed. A path that shares no more than
/// the root with \p To (a system header under /usr when \p To is a build
/// directory in /home) stays absolute. \p From and \p To are absolute.
std::string relativePath(llvm::StringRef Path, llvm::StringRef From,
                         llvm::StringRef To);

/// \p Path made absolute against the working directory, without dots.
std::string absolutePath(llvm::StringRef Path);

/// The directory the translation unit was compiled in, absolute: the file
/// manager's working directory (clang-tidy's own may be another).
std::string compileDirectory(const clang::SourceManager &SM);

/// The translation unit's main file, absolute, without dots.
std::string absoluteMainFile(const clang::SourceManager &SM);

} // namespace coro_tidy

#endif // CORO_TIDY_UTILS_PATHS_H
