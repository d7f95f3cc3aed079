//===----------------------------------------------------------------------===//
// One set of facts per call: what the resolver says of a call, and that it
// says it once.
//===----------------------------------------------------------------------===//

#include "catalog/CallMatcher.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

namespace coro_tidy {
namespace {

using namespace clang;
using namespace clang::ast_matchers;

constexpr llvm::StringLiteral Code = R"cpp(
extern "C" unsigned sleep(unsigned);
struct File {};
struct Base { void read(); };
struct Derived : Base {};
struct Pool { int schedule(); };
namespace io {
void write(File *, int);
void write(int, int);
} // namespace io
void calls(Derived &D, Pool &P, File *F) {
  sleep(1);
  sleep(0);
  D.read();
  P.schedule();
  io::write(F, 1);
  io::write(2, 1);
}
)cpp";

CatalogEntry entry(llvm::StringRef Name, EntryKind Kind) {
  CatalogEntry Entry;
  Entry.Name = Name.str();
  Entry.Kind = Kind;
  Entry.Category = "test";
  return Entry;
}

LoadedCatalog testCatalog() {
  LoadedCatalog Catalog;
  CatalogEntry Sleep = entry("sleep", EntryKind::Function);
  NonBlockingCondition ZeroSeconds;
  ZeroSeconds.Argument = 1;
  ZeroSeconds.Zero = true;
  Sleep.NonBlockingIf.push_back(ZeroSeconds);
  Catalog.Entries.add(std::move(Sleep));
  Catalog.Entries.add(entry("Derived::read", EntryKind::Method));
  CatalogEntry Write = entry("io::write", EntryKind::Function);
  Write.WhenArgument.push_back("File");
  Catalog.Entries.add(std::move(Write));
  Catalog.ExecutorSwitches.add(entry("Pool::schedule", EntryKind::Method));
  return Catalog;
}

class CallResolverTest : public ::testing::Test {
protected:
  CallResolverTest()
      : Unit(tooling::buildASTFromCodeWithArgs(Code, {"-std=c++20"})),
        Catalog(testCatalog()), Calls(Catalog) {}

  /// The calls in source order.
  llvm::SmallVector<const CallExpr *, 8> calls() {
    llvm::SmallVector<const CallExpr *, 8> Found;
    for (const BoundNodes &Nodes :
         match(callExpr().bind("call"), Unit->getASTContext()))
      Found.push_back(Nodes.getNodeAs<CallExpr>("call"));
    return Found;
  }

  const CallFacts &facts(unsigned Index) {
    return Calls.resolve(*calls()[Index], Unit->getASTContext());
  }

  static bool any(const CatalogEntry &) { return true; }

  std::unique_ptr<ASTUnit> Unit;
  LoadedCatalog Catalog;
  CallResolver Calls;
};

TEST_F(CallResolverTest, ConditionReadAtTheCall) {
  ASSERT_EQ(calls().size(), 6u);
  const CallFacts &Blocking = facts(0);
  ASSERT_NE(Blocking.blockingEntry(any), nullptr);
  EXPECT_EQ(Blocking.blockingEntry(any)->Name, "sleep");
  EXPECT_TRUE(Blocking.isNamed());
  EXPECT_FALSE(Blocking.isLetGoByCondition());

  const CallFacts &Zero = facts(1);
  EXPECT_EQ(Zero.blockingEntry(any), nullptr);
  EXPECT_TRUE(Zero.isNamed());
  EXPECT_TRUE(Zero.isLetGoByCondition());
}

TEST_F(CallResolverTest, ResolvedOnce) {
  const CallFacts &First = facts(0);
  EXPECT_EQ(&First, &facts(0));
  EXPECT_NE(&First, &facts(1));
}

TEST_F(CallResolverTest, MethodNamedThroughTheObjectsClass) {
  const CallFacts &Read = facts(2);
  ASSERT_EQ(Read.Candidates.size(), 2u);
  EXPECT_EQ(Read.Candidates[0], "Derived::read");
  EXPECT_EQ(Read.Candidates[1], "Base::read");
  ASSERT_NE(Read.blockingEntry(any), nullptr);
  EXPECT_EQ(Read.blockingEntry(any)->Name, "Derived::read");
  EXPECT_EQ(Read.blockingEntry(
                [](const CatalogEntry &E) { return E.Category != "test"; }),
            nullptr);
}

TEST_F(CallResolverTest, FrameworkSectionsApart) {
  const CallFacts &Schedule = facts(3);
  ASSERT_NE(Schedule.ExecutorSwitch, nullptr);
  EXPECT_EQ(Schedule.ExecutorSwitch->Name, "Pool::schedule");
  EXPECT_EQ(Schedule.NonMovingHop, nullptr);
  EXPECT_FALSE(Schedule.isNamed());
  EXPECT_EQ(facts(0).ExecutorSwitch, nullptr);
}

TEST_F(CallResolverTest, ArgumentFilters) {
  EXPECT_TRUE(facts(4).isNamed());
  EXPECT_NE(facts(4).blockingEntry(any), nullptr);
  const CallFacts &NoFile = facts(5);
  ASSERT_EQ(NoFile.Named.size(), 1u);
  EXPECT_FALSE(NoFile.Named[0].FiltersMet);
  EXPECT_FALSE(NoFile.isNamed());
  EXPECT_EQ(NoFile.blockingEntry(any), nullptr);
}

} // namespace
} // namespace coro_tidy
