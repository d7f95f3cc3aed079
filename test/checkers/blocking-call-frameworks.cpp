// The message speaks the coroutine's framework, detected from its return
// type; where the rewrite is exact, a note carries it as a fix
// (--fix-notes). folly, cppcoro, libcoro and Seastar are stand-ins
// (Inputs/standins); asio, Boost.Asio and QCoro have tests of their own.
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- -std=c++20 \
// RUN:   -isystem %S/Inputs/standins -I %S/Inputs \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/fixed.cpp
// RUN: %coro_tidy -checks='-*,coro-blocking-call' --fix-notes %t/fixed.cpp -- \
// RUN:   -std=c++20 -isystem %S/Inputs/standins -I %S/Inputs > %t/out.txt 2>&1
// RUN: FileCheck %s -check-prefix=CHECK-FIXES < %t/fixed.cpp
// RUN: %clangxx -fsyntax-only -std=c++20 -isystem %S/Inputs/standins -I %S/Inputs %t/fixed.cpp

#include "task.h"
#include <boost/cobalt/task.hpp>
#include <chrono>
#include <coro/coro.hpp>
#include <cppcoro/task.hpp>
#include <cstdio>
#include <folly/coro/Task.h>
#include <folly/net/NetOps.h>
#include <seastar/core/sleep.hh>
#include <thread>

using namespace std::chrono_literals;

folly::coro::Task<int> follyHandler() {
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::this_thread::sleep_for' (sleep) stalls the thread running coroutine 'follyHandler': the thread sleeps for the whole delay; co_await folly::coro::sleep instead [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-3]]:24: note: coroutine 'follyHandler' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: co_await the folly equivalent instead
  // CHECK-FIXES: {{^}}  co_await folly::coro::sleep(10ms);{{$}}
  FILE *Log = fopen("folly.log", "a");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: blocking call to 'fopen' (file-io) stalls the thread running coroutine 'follyHandler': the thread waits for the disk; co_await co_withExecutor(cpuExecutor, task) or folly::via(ioExecutor, work) to run it on an executor meant for blocking work [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-8]]:24: note: coroutine 'follyHandler' declared here
  (void)Log;
  co_return 1;
}

// folly's own socket calls wait as the system calls they wrap.
folly::coro::Task<void> follySockets(folly::NetworkSocket Listener,
                                     folly::netops::PollDescriptor *Fds) {
  folly::NetworkSocket Client = folly::netops::accept(Listener, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: blocking call to 'folly::netops::accept' (network) stalls the thread running coroutine 'follySockets': the thread waits for a client; use a folly::coro::Transport and co_await its read and write [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-4]]:25: note: coroutine 'follySockets' declared here
  char Buf[16];
  (void)folly::netops::recv(Client, Buf, sizeof Buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'folly::netops::recv' (network)
  // CHECK-MESSAGES: :[[@LINE-8]]:25: note: coroutine 'follySockets' declared here
  (void)folly::netops::sendmsg(Client, nullptr, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'folly::netops::sendmsg' (network)
  // CHECK-MESSAGES: :[[@LINE-11]]:25: note: coroutine 'follySockets' declared here
  (void)folly::netops::poll(Fds, 1, 100);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'folly::netops::poll' (network) stalls the thread running coroutine 'follySockets': the thread waits until a descriptor is ready
  // CHECK-MESSAGES: :[[@LINE-14]]:25: note: coroutine 'follySockets' declared here
  // A zero timeout returns at once; closing waits for nothing.
  (void)folly::netops::poll(Fds, 1, 0);
  (void)folly::netops::close(Client);
  co_return;
}

seastar::future<> seastarHandler() {
  std::this_thread::sleep_for(5ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::this_thread::sleep_for' (sleep) stalls the thread running coroutine 'seastarHandler': the thread sleeps for the whole delay; co_await seastar::sleep instead [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: coroutine 'seastarHandler' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: co_await the seastar equivalent instead
  // CHECK-FIXES: {{^}}  co_await seastar::sleep(5ms);{{$}}
  co_return;
}

// cppcoro and libcoro have no free sleep: the message names their timers,
// and there is no fix.
cppcoro::task<> cppcoroHandler() {
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'cppcoroHandler': the thread sleeps for the whole delay; co_await io_service.schedule_after on a cppcoro::io_service instead [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-3]]:17: note: coroutine 'cppcoroHandler' declared here
  co_return;
}

coro::task<> libcoroHandler() {
  usleep(10);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'usleep' (sleep) stalls the thread running coroutine 'libcoroHandler': the thread sleeps for the whole delay; co_await scheduler->yield_for on a coro::io_scheduler instead [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-3]]:14: note: coroutine 'libcoroHandler' declared here
  FILE *Data = fopen("data.bin", "rb");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: blocking call to 'fopen' (file-io) stalls the thread running coroutine 'libcoroHandler': the thread waits for the disk; co_await pool.schedule() on a coro::thread_pool before the call [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-6]]:14: note: coroutine 'libcoroHandler' declared here
  (void)Data;
  co_return;
}

boost::cobalt::task<void> cobaltHandler() {
  std::this_thread::sleep_for(2ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::this_thread::sleep_for' (sleep) stalls the thread running coroutine 'cobaltHandler': the thread sleeps for the whole delay; co_await a boost::asio::steady_timer's async_wait(boost::cobalt::use_op) instead [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-3]]:27: note: coroutine 'cobaltHandler' declared here
  co_return;
}

// folly: co_viaIfAsync(executor, work) resumes the coroutine on executor.
folly::coro::Task<void> follySwitch(folly::Executor *CpuPool) {
  co_await folly::coro::co_viaIfAsync(CpuPool, folly::coro::sleep(1ms));
  sleep(1);
  co_return;
}

// An unknown task type gets the generic advice, and no fix.
task<> homeGrown() {
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::this_thread::sleep_for' (sleep) stalls the thread running coroutine 'homeGrown': the thread sleeps for the whole delay; co_await your framework's timer or sleep instead [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-3]]:8: note: coroutine 'homeGrown' declared here
  FILE *Data = fopen("data.bin", "rb");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: blocking call to 'fopen' (file-io) stalls the thread running coroutine 'homeGrown': the thread waits for the disk; offload it to a thread pool and co_await the result [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-6]]:8: note: coroutine 'homeGrown' declared here
  (void)Data;
  co_return;
}

// A fix is offered only where co_await can go: not when the value is used,
// not inside a lambda run inline.
folly::coro::Task<void> noFixHere() {
  unsigned Left = sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: blocking call to 'sleep' (sleep)
  // CHECK-MESSAGES: :[[@LINE-3]]:25: note: coroutine 'noFixHere' declared here
  [] { std::this_thread::sleep_for(1ms); }();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: blocking call to 'std::this_thread::sleep_for' (sleep)
  // CHECK-MESSAGES: :[[@LINE-6]]:25: note: coroutine 'noFixHere' declared here
  (void)Left;
  co_return;
}
