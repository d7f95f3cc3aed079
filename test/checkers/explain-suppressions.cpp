// ExplainSuppressions: a call that names a blocking API but that a rule
// lets go gets a remark saying which fact let it go, so a user who expected
// a finding sees why there is none. Off by default: no remark at all.
// RUN: %coro_tidy -checks='-*,coro-blocking-call,coro-sync-wait' %s \
// RUN:   -config="{CheckOptions: {coro-blocking-call.ExplainSuppressions: true, coro-sync-wait.ExplainSuppressions: true}}" \
// RUN:   -- -std=c++20 -isystem %S/Inputs/standins \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note|remark}}:'
// RUN: %coro_tidy -checks='-*,coro-blocking-call,coro-sync-wait' %s \
// RUN:   -- -std=c++20 -isystem %S/Inputs/standins \
// RUN:   | FileCheck %s -check-prefix=QUIET -implicit-check-not='{{remark}}:'
// QUIET: warning: blocking call to 'read' (file-io)
// Remarks are not findings: warnings as errors leave a run of remarks green.
// RUN: %coro_tidy -checks='-*,coro-*' --warnings-as-errors='*' \
// RUN:   -config="{CheckOptions: {coro-blocking-call.ExplainSuppressions: true}}" \
// RUN:   %S/Inputs/remark_only.cpp -- -std=c++20 -isystem %S/Inputs/standins \
// RUN:   | FileCheck %s -check-prefix=REMARK-ONLY
// REMARK-ONLY: remark_only.cpp:7:3: remark: call to 'sleep' not reported

#include <cerrno>
#include <cppcoro/task.hpp>
#include <dpp/dpp.h>
#include <fcntl.h>
#include <folly/coro/Task.h>
#include <fstream>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

folly::coro::Task<int> awaitedFirst(folly::SemiFuture<int> F) {
  co_await std::move(F);
  co_return std::move(F).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:26: remark: synchronous wait 'folly::SemiFuture::get' not reported: its object 'F' was awaited on every path to it [coro-sync-wait]
}

dpp::task<void> fulfilledFirst() {
  dpp::promise<int> Answer;
  Answer.set_value(42);
  (void)Answer.get_awaitable().sync_wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:32: remark: synchronous wait 'dpp::basic_awaitable::sync_wait' not reported: the promise 'Answer' was fulfilled on every path to it [coro-sync-wait]
  co_return;
}

cppcoro::task<> descriptors(int Fd, int Other) {
  char Buf[64];
  fcntl(Fd, F_SETFL, O_NONBLOCK);
  (void)read(Fd, Buf, sizeof Buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: remark: call to 'read' not reported: the descriptor 'Fd' is non-blocking or was awaited ready on every path to it [coro-blocking-call]
  (void)read(Other, Buf, sizeof Buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'read' (file-io) stalls the thread running coroutine 'descriptors'
  // CHECK-MESSAGES: :[[@LINE-7]]:17: note: coroutine 'descriptors' declared here
  co_return;
}

cppcoro::task<> wouldBlock(int Sock) {
  char Buf[64];
  ssize_t N = recv(Sock, Buf, sizeof Buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: remark: call to 'recv' not reported: the function handles would-block results of 'Sock' [coro-blocking-call]
  if (N < 0 && errno == EAGAIN)
    co_return;
}

cppcoro::task<> procFile(addrinfo **Found) {
  std::ifstream Status("/proc/self/status");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: remark: construction of 'std::basic_ifstream' not reported: a nonblocking-if condition of its catalog entry holds (a zero timeout, a numeric address, a file that cannot block) [coro-blocking-call]
  std::string Line;
  std::getline(Status, Line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: remark: call to 'std::getline' not reported: it uses 'Status', opened on a file that cannot block on every path to it [coro-blocking-call]
  getaddrinfo("127.0.0.1", "80", nullptr, Found);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: remark: call to 'getaddrinfo' not reported: a nonblocking-if condition of its catalog entry holds (a zero timeout, a numeric address, a file that cannot block) [coro-blocking-call]
  std::string Wildcard = "0.0.0.0";
  getaddrinfo(Wildcard.c_str(), "80", nullptr, Found);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: remark: call to 'getaddrinfo' not reported: the host can only be a numeric address [coro-blocking-call]
  co_return;
}

[[clang::annotate("coro::nonblocking")]] void flushCached();
cppcoro::task<> onPool(cppcoro::static_thread_pool &Pool) {
  flushCached();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: remark: call to 'flushCached' not reported: 'flushCached' is annotated coro::nonblocking [coro-blocking-call]
  co_await Pool.schedule();
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: remark: call to 'sleep' not reported: it runs on a pool for blocking work: an awaited executor switch comes before it on every path [coro-blocking-call]
}
