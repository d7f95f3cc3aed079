//===----------------------------------------------------------------------===//
// The catalog cache under concurrency and file changes, and the category
// filter: what lit cannot observe from outside.
//===----------------------------------------------------------------------===//

#include "catalog/CatalogCache.h"
#include "catalog/EmbeddedCatalog.h"
#include "utils/CategoryFilter.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>
#include <set>
#include <thread>

namespace coro_tidy {
namespace {

std::string writeTempCatalog(llvm::StringRef Text) {
  llvm::SmallString<128> Path;
  int FD = -1;
  EXPECT_FALSE(llvm::sys::fs::createTemporaryFile("catalog", "yaml", FD, Path));
  llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
  OS << Text;
  return std::string(Path);
}

constexpr llvm::StringLiteral OneEntry = R"(version: 1
entries:
  - name: app::wait
    category: sync-primitive
    reason: waits
    alternative: await
)";

TEST(CatalogCacheTest, DefaultCatalogLoadsWithoutErrors) {
  auto Catalog = getCatalog(/*UseDefault=*/true, {});
  EXPECT_TRUE(Catalog->Errors.empty());
  EXPECT_GT(Catalog->Entries.size(), 200u);
  EXPECT_FALSE(Catalog->Entries.lookup("std::this_thread::sleep_for").empty());
  EXPECT_TRUE(embeddedCatalogFile(DefaultCatalogPath).has_value());
}

TEST(CatalogCacheTest, ParsesOncePerProcessAcrossThreads) {
  const std::string Path = writeTempCatalog(OneEntry);
  std::vector<std::shared_ptr<const LoadedCatalog>> Seen(8);
  std::vector<std::thread> Threads;
  for (size_t I = 0; I < Seen.size(); ++I)
    Threads.emplace_back([&, I] { Seen[I] = getCatalog(false, {Path}); });
  for (std::thread &T : Threads)
    T.join();
  std::set<const LoadedCatalog *> Distinct;
  for (const auto &Catalog : Seen)
    Distinct.insert(Catalog.get());
  EXPECT_EQ(Distinct.size(), 1u);
  EXPECT_EQ(Seen.front()->Entries.size(), 1u);
  llvm::sys::fs::remove(Path);
}

TEST(CatalogCacheTest, ReloadsAFileThatChanged) {
  const std::string Path = writeTempCatalog(OneEntry);
  auto Before = getCatalog(false, {Path});
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    OS << OneEntry << "  - name: app::sleep\n    category: sleep\n"
       << "    reason: sleeps\n    alternative: await a timer\n";
  }
  auto After = getCatalog(false, {Path});
  EXPECT_EQ(Before->Entries.size(), 1u);
  EXPECT_EQ(After->Entries.size(), 2u);
  llvm::sys::fs::remove(Path);
}

TEST(CategoryFilterTest, GlobsWithExclusions) {
  CategoryFilter All("*", {});
  EXPECT_TRUE(All.isEnabled("sleep"));
  CategoryFilter NoFiles("*, -file-io", {});
  EXPECT_FALSE(NoFiles.isEnabled("file-io"));
  EXPECT_TRUE(NoFiles.isEnabled("network"));
  CategoryFilter Some("sleep;sync-*", {});
  EXPECT_TRUE(Some.isEnabled("sync-primitive"));
  EXPECT_FALSE(Some.isEnabled("dns"));
  CategoryFilter LastWins("-*,dns", {});
  EXPECT_TRUE(LastWins.isEnabled("dns"));
  EXPECT_FALSE(CategoryFilter("", {}).isEnabled("sleep"));
}

TEST(CategoryFilterTest, OptInCategoriesNeedTheirName) {
  const std::vector<std::string> OptIn = {"mutex", "async-twin"};
  EXPECT_FALSE(CategoryFilter("*", OptIn).isEnabled("mutex"));
  EXPECT_FALSE(CategoryFilter("*,mu*", OptIn).isEnabled("mutex"));
  EXPECT_TRUE(CategoryFilter("*,mutex", OptIn).isEnabled("mutex"));
  EXPECT_TRUE(CategoryFilter("*,mutex", OptIn).isEnabled("sleep"));
  EXPECT_FALSE(CategoryFilter("mutex,-mutex", OptIn).isEnabled("mutex"));
  EXPECT_TRUE(CategoryFilter("async-twin", OptIn).isEnabled("async-twin"));
}

} // namespace
} // namespace coro_tidy
