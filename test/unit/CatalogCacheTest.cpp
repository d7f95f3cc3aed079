//===----------------------------------------------------------------------===//
// The catalog cache and file changes, and the category filter: what lit
// cannot observe from outside. Concurrency: CatalogCacheConcurrencyTest.
//===----------------------------------------------------------------------===//

#include "catalog/CatalogCache.h"
#include "CatalogTestFiles.h"
#include "catalog/EmbeddedCatalog.h"
#include "utils/CategoryFilter.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>

namespace coro_tidy {
namespace {

TEST(CatalogCacheTest, DefaultCatalogLoadsWithoutErrors) {
  auto Catalog = getCatalog(/*UseDefault=*/true, {});
  EXPECT_TRUE(Catalog->Errors.empty());
  EXPECT_GT(Catalog->Entries.size(), 200u);
  EXPECT_FALSE(Catalog->Entries.lookup("std::this_thread::sleep_for").empty());
  EXPECT_TRUE(embeddedCatalogFile(DefaultCatalogPath).has_value());
}

TEST(CatalogCacheTest, ReloadsAFileThatChanged) {
  const std::string Path = writeTempCatalog(OneEntry);
  auto Before = getCatalog(false, {Path});
  rewrite(Path, TwoEntries);
  auto After = getCatalog(false, {Path});
  EXPECT_EQ(Before->Entries.size(), 1u);
  EXPECT_EQ(After->Entries.size(), 2u);
  llvm::sys::fs::remove(Path);
}

TEST(CatalogCacheTest, ReloadsWhenAnIncludedFileChanged) {
  // A long-lived coro-clangd must not serve a catalog whose include: was
  // edited: the cache keys on every file the loader read.
  const std::string Included = writeTempCatalog(OneEntry);
  const std::string Top = writeTempCatalog(
      "version: 1\ninclude: [" + llvm::sys::path::filename(Included).str() +
      "]\nentries: []\n");
  auto Before = getCatalog(false, {Top});
  EXPECT_EQ(Before->Entries.size(), 1u);
  rewrite(Included, TwoEntries);
  auto After = getCatalog(false, {Top});
  EXPECT_EQ(After->Entries.size(), 2u);
  EXPECT_NE(Before.get(), After.get());
  EXPECT_EQ(getCatalog(false, {Top}).get(), After.get());
  llvm::sys::fs::remove(Top);
  llvm::sys::fs::remove(Included);
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
