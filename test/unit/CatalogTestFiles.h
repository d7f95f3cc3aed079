//===----------------------------------------------------------------------===//
// Catalog files the unit tests write and rewrite.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_TEST_UNIT_CATALOGTESTFILES_H
#define CORO_TIDY_TEST_UNIT_CATALOGTESTFILES_H

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>
#include <string>

namespace coro_tidy {

inline constexpr llvm::StringLiteral OneEntry = R"(version: 1
entries:
  - name: app::wait
    category: sync-primitive
    reason: waits
    alternative: await
)";

inline constexpr llvm::StringLiteral TwoEntries = R"(version: 1
entries:
  - name: app::wait
    category: sync-primitive
    reason: waits
    alternative: await
  - name: app::sleep
    category: sleep
    reason: sleeps
    alternative: await a timer
)";

/// A new temporary catalog file holding \p Text; its path.
inline std::string writeTempCatalog(llvm::StringRef Text) {
  llvm::SmallString<128> Path;
  int FD = -1;
  EXPECT_FALSE(llvm::sys::fs::createTemporaryFile("catalog", "yaml", FD, Path));
  llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
  OS << Text;
  return std::string(Path);
}

/// Replaces the text of \p Path in place.
inline void rewrite(const std::string &Path, llvm::StringRef Text) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  ASSERT_FALSE(EC) << EC.message();
  OS << Text;
}

} // namespace coro_tidy

#endif // CORO_TIDY_TEST_UNIT_CATALOGTESTFILES_H
