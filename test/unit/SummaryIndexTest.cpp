//===----------------------------------------------------------------------===//
// The summary index: the merge's conclusions, its file format, and what a
// damaged index does (an error, never a crash or an endless chain).
//===----------------------------------------------------------------------===//

#include "analysis/summaries/SummaryMerge.h"
#include "utils/Paths.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>

namespace coro_tidy {
namespace {

FunctionFacts function(std::string Name, unsigned Line) {
  FunctionFacts F;
  F.Usr = "c:@F@" + Name + "#";
  F.Name = "'" + Name + "'";
  F.Where = {"src/a.cpp", Line, 1};
  return F;
}

void calls(FunctionFacts &F, const std::string &Callee, unsigned Line) {
  F.Calls.push_back({"c:@F@" + Callee + "#",
                     "'" + Callee + "'",
                     false,
                     {F.Where.File, Line, 3}});
}

void blocks(FunctionFacts &F, std::string Api, std::string Category,
            unsigned Line) {
  F.BlockingCalls.push_back(
      {std::move(Api), std::move(Category), false, {F.Where.File, Line, 3}});
}

/// Two units: a.cpp defines load -> read -> ifstream and nap -> sleep, a
/// pure sum, and a ping/pong recursion whose way out is nap; b.cpp calls
/// load and sum from its coroutines.
std::unique_ptr<SummaryIndex> twoUnits() {
  TranslationUnitFacts A;
  A.Root = "..";
  A.MainFile = "src/a.cpp";
  FunctionFacts Load = function("load", 1), Read = function("read", 2),
                Nap = function("nap", 3), Sum = function("sum", 4),
                Ping = function("ping", 5), Pong = function("pong", 6),
                Both = function("both", 7);
  calls(Load, "read", 10);
  blocks(Read, "std::basic_ifstream", "file-io", 20);
  blocks(Nap, "sleep", "sleep", 30);
  calls(Ping, "pong", 50);
  calls(Pong, "ping", 60);
  calls(Pong, "nap", 61);
  // 'both' reaches a file read in two hops and a sleep in three.
  calls(Both, "load", 70);
  calls(Both, "ping", 71);
  for (FunctionFacts *F : {&Load, &Read, &Nap, &Sum, &Ping, &Pong, &Both})
    A.Functions.push_back(*F);
  TranslationUnitFacts B;
  B.Root = "..";
  B.MainFile = "src/b.cpp";
  B.OpenCalls = {"c:@F@load#", "c:@F@sum#"};
  TranslationUnitFacts C;
  C.Root = "..";
  C.MainFile = "src/c.cpp";
  C.OpenCalls = {"c:@F@sum#"};
  SummaryIndexBuilder Builder("/project/build");
  Builder.add(A, "/project/build");
  Builder.add(B, "/project/build");
  Builder.add(C, "/project/build");
  return Builder.finish();
}

bool any(llvm::StringRef, llvm::StringRef) { return true; }

TEST(SummaryIndexTest, KeepsOnlyWhatMayBlockAndWhatToCheckAgain) {
  auto Index = twoUnits();
  EXPECT_EQ(Index->size(), 6u); // all but 'sum'
  EXPECT_FALSE(Index->shortestChain("c:@F@sum#", 8, any));
  ASSERT_EQ(Index->recheck().size(), 1u);
  EXPECT_EQ(Index->recheck()[0], "src/b.cpp");
}

TEST(SummaryIndexTest, ShortestChainAcrossFunctions) {
  auto Index = twoUnits();
  auto Chain = Index->shortestChain("c:@F@load#", 8, any);
  ASSERT_TRUE(Chain);
  EXPECT_EQ(Chain->Api, "std::basic_ifstream");
  ASSERT_EQ(Chain->Hops.size(), 2u);
  EXPECT_EQ(Chain->Hops[0].Function, "'load'");
  EXPECT_EQ(Chain->Hops[0].Callee, "'read'");
  EXPECT_EQ(Chain->Hops[0].Where.Line, 10u);
  EXPECT_EQ(Chain->Hops[1].Callee, "'std::basic_ifstream'");
  EXPECT_EQ(Chain->Hops[1].Where.File, "src/a.cpp");
}

TEST(SummaryIndexTest, RecursionEnds) {
  auto Index = twoUnits();
  auto Chain = Index->shortestChain("c:@F@ping#", 8, any);
  ASSERT_TRUE(Chain);
  EXPECT_EQ(Chain->Api, "sleep");
  EXPECT_EQ(Chain->Hops.size(), 3u); // ping -> pong -> nap -> sleep
}

TEST(SummaryIndexTest, FilterAndDepthPickAnotherChainOrNone) {
  auto Index = twoUnits();
  auto NoFiles = [](llvm::StringRef, llvm::StringRef Category) {
    return Category != "file-io";
  };
  auto Chain = Index->shortestChain("c:@F@both#", 8, NoFiles);
  ASSERT_TRUE(Chain);
  EXPECT_EQ(Chain->Api, "sleep");
  EXPECT_EQ(Chain->Hops.size(), 4u);
  EXPECT_FALSE(Index->shortestChain("c:@F@both#", 3, NoFiles));
  EXPECT_EQ(Index->shortestChain("c:@F@both#", 3, any)->Hops.size(), 3u);
  EXPECT_FALSE(Index->shortestChain("c:@F@both#", 2, any));
}

std::string written(const SummaryIndex &Index) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  Index.write(OS);
  return Text;
}

TEST(SummaryIndexTest, WrittenIndexReadsBackTheSame) {
  auto Index = twoUnits();
  const std::string Text = written(*Index);
  auto Read = SummaryIndex::read(Text);
  ASSERT_TRUE(bool(Read)) << llvm::toString(Read.takeError());
  EXPECT_EQ(written(**Read), Text);
  EXPECT_EQ((*Read)->shortestChain("c:@F@both#", 8, any)->Api,
            "std::basic_ifstream");
}

TEST(SummaryIndexTest, PlacesBecomeRelativeToTheIndex) {
  TranslationUnitFacts Unit;
  Unit.Root = ".";
  Unit.MainFile = "../src/a.cpp";
  FunctionFacts F = function("f", 1);
  F.Where.File = "../src/a.cpp";
  blocks(F, "sleep", "sleep", 2);
  F.BlockingCalls.back().Where.File = "/usr/include/unistd.h";
  Unit.Functions.push_back(F);
  SummaryIndexBuilder Builder("/project/out/index");
  Builder.add(Unit, "/project/build");
  auto Index = Builder.finish();
  auto Chain = Index->shortestChain("c:@F@f#", 8, any);
  ASSERT_TRUE(Chain);
  // Outside the project, a path stays absolute.
  EXPECT_EQ(Chain->Hops[0].Where.File, "/usr/include/unistd.h");
  EXPECT_EQ(
      relativePath("../src/a.cpp", "/project/build", "/project/out/index"),
      "../../src/a.cpp");
}

TEST(SummaryIndexTest, DamagedIndexIsAnErrorNotACrash) {
  const std::string Header =
      R"({"coro-tidy-index":1,"files":["a.cpp"],"recheck":[]})"
      "\n";
  const char *Damaged[] = {
      "",
      "{}",
      R"({"coro-tidy-index":2,"files":[],"recheck":[]})",
      // A call to a function that is not there.
      R"({"usr":"f","name":"'f'","at":[0,1,1],"step":0,"blocking":[],"calls":[[7,false,0,2,3]]})",
      // A step past the calls, and a blocking step without a blocking call.
      R"({"usr":"f","name":"'f'","at":[0,1,1],"step":3,"blocking":[],"calls":[]})",
      R"({"usr":"f","name":"'f'","at":[0,1,1],"step":-1,"blocking":[],"calls":[]})",
      // A file number past the table, a line of 0.
      R"({"usr":"f","name":"'f'","at":[4,1,1],"step":-1,"blocking":[],"calls":[]})",
      R"({"usr":"f","name":"'f'","at":[0,0,1],"step":-1,"blocking":[],"calls":[]})",
      // The same USR twice.
      R"({"usr":"f","name":"'f'","at":[0,1,1],"step":-1,"blocking":[["sleep","sleep",false,0,2,3]],"calls":[]})"
      "\n"
      R"({"usr":"f","name":"'f'","at":[0,1,1],"step":-1,"blocking":[["sleep","sleep",false,0,2,3]],"calls":[]})",
  };
  for (const char *Text : Damaged) {
    const std::string Whole = llvm::StringRef(Text).starts_with(R"({"usr")")
                                  ? Header + Text
                                  : std::string(Text);
    auto Read = SummaryIndex::read(Whole);
    EXPECT_FALSE(bool(Read)) << Whole;
    if (!Read)
      llvm::consumeError(Read.takeError());
  }
}

TEST(SummaryIndexTest, StepsThatCycleEndInASearch) {
  // Each function's step points at the other: no chain through the steps,
  // and the search finds the blocking call that is there.
  const std::string Text =
      R"({"coro-tidy-index":2,"files":["a.cpp"],"units":1,"recheck":[]})"
      "\n"
      R"({"unit":0,"inputs":[[0,"0123456789abcdef"]]})"
      "\n"
      R"({"usr":"f","unit":0,"name":"'f'","at":[0,1,1],"step":0,"blocking":[],"calls":[[1,false,0,2,3]]})"
      "\n"
      R"({"usr":"g","unit":0,"name":"'g'","at":[0,5,1],"step":0,"blocking":[["sleep","sleep",false,0,7,3]],"calls":[[0,false,0,6,3]]})"
      "\n";
  auto Read = SummaryIndex::read(Text);
  ASSERT_TRUE(bool(Read)) << llvm::toString(Read.takeError());
  auto Chain = (*Read)->shortestChain("f", 8, any);
  ASSERT_TRUE(Chain);
  EXPECT_EQ(Chain->Hops.size(), 2u);
}

} // namespace
} // namespace coro_tidy
