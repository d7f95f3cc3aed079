//===----------------------------------------------------------------------===//
// The catalog cache under concurrent use, as clangd uses it: ASTs built on
// several threads load, reload and read catalogs. Built with
// ThreadSanitizer as coro-tidy-cache-tsan (and plainly into the unit tests).
//===----------------------------------------------------------------------===//

#include "CatalogTestFiles.h"
#include "catalog/CatalogCache.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <gtest/gtest.h>
#include <set>
#include <thread>

namespace coro_tidy {
namespace {

TEST(CatalogCacheConcurrencyTest, ParsesOncePerProcessAcrossThreads) {
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

TEST(CatalogCacheConcurrencyTest, ConcurrentLoadsReloadsAndReads) {
  // ASTs built on several threads load the same catalogs while a file
  // changes under them.
  const std::string Path = writeTempCatalog(OneEntry);
  std::atomic<bool> Stop{false};
  std::atomic<size_t> Reads{0};
  std::thread Writer([&] {
    // As editors save: a new file renamed over the old one.
    for (int I = 0; Reads < 300 && I < 100000; ++I) {
      const std::string Next = Path + ".new";
      rewrite(Next, I % 2 ? OneEntry : TwoEntries);
      ASSERT_FALSE(llvm::sys::fs::rename(Next, Path));
    }
    Stop = true;
  });
  std::vector<std::thread> Readers;
  for (int T = 0; T < 6; ++T)
    Readers.emplace_back([&, T] {
      do {
        auto Catalog = getCatalog(T % 2 == 0, {Path});
        // Every catalog handed out is whole: one or two entries of ours.
        size_t Ours = Catalog->Entries.lookup("app::wait").size();
        EXPECT_EQ(Ours, 1u);
        ++Reads;
      } while (!Stop);
    });
  Writer.join();
  for (std::thread &T : Readers)
    T.join();
  EXPECT_GE(Reads.load(), 300u);
  llvm::sys::fs::remove(Path);
}

} // namespace
} // namespace coro_tidy
