// coro-sync-wait: waiting synchronously for async work inside a coroutine
// stalls the executor thread and deadlocks when the work needs that thread.
// RUN: %coro_tidy -checks='-*,coro-sync-wait' %s -- %asio_flags \
// RUN:   -isystem %S/Inputs/standins \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// With coro-blocking-call on as well, each call is reported once, by
// coro-sync-wait.
// RUN: %coro_tidy -checks='-*,coro-*' %s -- %asio_flags \
// RUN:   -isystem %S/Inputs/standins \
// RUN:   | FileCheck %s -check-prefixes=CHECK-MESSAGES,CHECK-BOTH \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// The co_await fix compiles.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/fixed.cpp
// RUN: %coro_tidy -checks='-*,coro-sync-wait' --fix-notes %t/fixed.cpp -- \
// RUN:   %asio_flags -isystem %S/Inputs/standins > %t/out.txt 2>&1
// RUN: FileCheck %s -check-prefix=CHECK-FIXES < %t/fixed.cpp
// RUN: %clangxx -fsyntax-only %asio_flags -isystem %S/Inputs/standins %t/fixed.cpp

#include <asio.hpp>
#include <coro/coro.hpp>
#include <cppcoro/io_service.hpp>
#include <cppcoro/task.hpp>
#include <folly/coro/Task.h>
#include <folly/io/async/EventBase.h>
#include <future>

cppcoro::task<int> fetch();
folly::coro::Task<int> load();
coro::task<int> compute();

// CHECK-MESSAGES: :[[@LINE+4]]:11: warning: synchronous wait 'cppcoro::sync_wait' inside coroutine 'cppcoroCaller': the thread waits for async work to finish, and deadlocks when that work needs this very thread; co_await the awaitable instead [coro-sync-wait]
// CHECK-MESSAGES: :[[@LINE+2]]:20: note: coroutine 'cppcoroCaller' declared here
// CHECK-MESSAGES: :[[@LINE+2]]:11: note: co_await the awaitable instead
cppcoro::task<int> cppcoroCaller() {
  int A = cppcoro::sync_wait(fetch());
  // CHECK-FIXES: {{^}}  int A = (co_await fetch());{{$}}
  cppcoro::sync_wait(fetch());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous wait 'cppcoro::sync_wait'
  // CHECK-MESSAGES: :[[@LINE-5]]:20: note: coroutine 'cppcoroCaller' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: co_await the awaitable instead
  // CHECK-FIXES: {{^}}  co_await fetch();{{$}}
  // A task of another framework: no fix.
  int B = cppcoro::sync_wait(load());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: synchronous wait 'cppcoro::sync_wait'
  // CHECK-MESSAGES: :[[@LINE-11]]:20: note: coroutine 'cppcoroCaller' declared here
  co_return A + B + co_await fetch();
}

// CHECK-MESSAGES: :[[@LINE+3]]:11: warning: synchronous wait 'folly::coro::blockingWait' inside coroutine 'follyCaller'
// CHECK-MESSAGES: :[[@LINE+1]]:24: note: coroutine 'follyCaller' declared here
folly::coro::Task<int> follyCaller(folly::SemiFuture<int> Pending, folly::SemiFuture<int> Done) {
  int A = folly::coro::blockingWait(load());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: note: co_await the awaitable instead
  // CHECK-FIXES: {{^}}  int A = (co_await load());{{$}}
  int B = std::move(Pending).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: synchronous wait 'folly::SemiFuture::get' inside coroutine 'follyCaller': the thread waits for async work to finish, and deadlocks when that work needs this very thread; co_await the future instead (co_await std::move(future)) [coro-sync-wait]
  // CHECK-MESSAGES: :[[@LINE-6]]:24: note: coroutine 'follyCaller' declared here
  // Awaited to completion first: get() returns at once.
  co_await Done;
  int C = std::move(Done).get();
  co_return A + B + C;
}

// A nested folly event loop on the coroutine's own thread; handing work to
// the loop waits for nothing.
folly::coro::Task<void> follyLoop(folly::EventBase &Base) {
  Base.loop();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: synchronous wait 'folly::EventBase::loop' inside coroutine 'follyLoop': running the event loop inside a coroutine stalls the loop that runs it and runs handlers re-entrantly; co_await the work instead of running the EventBase [coro-sync-wait]
  // CHECK-MESSAGES: :[[@LINE-3]]:25: note: coroutine 'follyLoop' declared here
  Base.loopOnce(EVLOOP_NONBLOCK);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: synchronous wait 'folly::EventBase::loopOnce'
  // CHECK-MESSAGES: :[[@LINE-6]]:25: note: coroutine 'follyLoop' declared here
  Base.loopForever();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: synchronous wait 'folly::EventBase::loopForever'
  // CHECK-MESSAGES: :[[@LINE-9]]:25: note: coroutine 'follyLoop' declared here
  Base.runInEventBaseThread([] {});
  Base.terminateLoopSoon();
  co_return;
}

coro::task<int> libcoroCaller() {
  co_return coro::sync_wait(compute());
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: synchronous wait 'coro::sync_wait' inside coroutine 'libcoroCaller'
  // CHECK-MESSAGES: :[[@LINE-3]]:17: note: coroutine 'libcoroCaller' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:13: note: co_await the awaitable instead
  // CHECK-FIXES: {{^}}  co_return (co_await compute());{{$}}
}

// asio: running the io_context from inside one of its coroutines, and
// blocking on a future from asio::use_future or std::async.
asio::awaitable<void> asioCaller(asio::io_context &Context,
                                 asio::ip::tcp::socket &Socket, char *Buf) {
  Context.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: synchronous wait 'asio::io_context::run' inside coroutine 'asioCaller': running the event loop inside a coroutine stalls the loop that runs it and runs handlers re-entrantly; co_await the operations instead of running the io_context [coro-sync-wait]
  // CHECK-MESSAGES: :[[@LINE-4]]:23: note: coroutine 'asioCaller' declared here
  Context.poll_one();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: synchronous wait 'asio::io_context::poll_one'
  // CHECK-MESSAGES: :[[@LINE-7]]:23: note: coroutine 'asioCaller' declared here
  std::future<std::size_t> Read =
      Socket.async_read_some(asio::buffer(Buf, 16), asio::use_future);
  std::size_t N = Read.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: synchronous wait 'std::future::get' inside coroutine 'asioCaller': the thread waits for async work to finish, and deadlocks when that work needs this very thread; co_await the operation itself with asio::use_awaitable rather than asio::use_future [coro-sync-wait]
  // CHECK-MESSAGES: :[[@LINE-12]]:23: note: coroutine 'asioCaller' declared here
  int M = std::async(std::launch::async, [] { return 1; }).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:60: warning: synchronous wait 'std::future::get' inside coroutine 'asioCaller': the thread waits for the std::async task to finish its work; run the work the way the framework offloads blocking work instead of through std::async: co_await asio::co_spawn(pool, work, asio::use_awaitable) on an asio::thread_pool, or co_await asio::post(asio::bind_executor(pool, asio::use_awaitable)) first [coro-sync-wait]
  // CHECK-MESSAGES: :[[@LINE-15]]:23: note: coroutine 'asioCaller' declared here
  (void)Read.wait_for(std::chrono::seconds(0));
  (void)N;
  (void)M;
  // The async form.
  co_await Socket.async_read_some(asio::buffer(Buf, 16), asio::use_awaitable);
}

// A std::future that no async operation produced here (a parameter) is
// coro-blocking-call's: a blocking get, not a sync wait.
asio::awaitable<void> plainFuture(std::future<int> &F) {
  (void)F.get();
  // CHECK-BOTH: :[[@LINE-1]]:11: warning: blocking call to 'std::future::get' (sync-primitive)
  // CHECK-BOTH: :[[@LINE-3]]:23: note: coroutine 'plainFuture' declared here
  co_return;
}

// cppcoro: a task that never suspends and runs the io_service's loop is the
// loop's pump on the thread that started it (beside when_all_ready under
// sync_wait); one that also awaits stalls the loop it runs on.
cppcoro::task<> pumpEvents(cppcoro::io_service &Service) {
  Service.process_events();
  co_return;
}

cppcoro::task<> runsTheLoopBetweenAwaits(cppcoro::io_service &Service) {
  co_await Service.schedule();
  Service.process_one_event();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: synchronous wait 'cppcoro::io_service::process_one_event' inside coroutine 'runsTheLoopBetweenAwaits': running the event loop inside a coroutine stalls the loop that runs it and runs handlers re-entrantly; co_await the operations instead of running the io_service [coro-sync-wait]
  // CHECK-MESSAGES: :[[@LINE-4]]:17: note: coroutine 'runsTheLoopBetweenAwaits' declared here
}

void pumpBesideTheWork(cppcoro::io_service &Service) {
  auto Pump = [&]() -> cppcoro::task<> {
    Service.process_events();
    co_return;
  };
  // An await in a lambda inside the pump is the lambda's, not the pump's.
  auto PumpWithCallback = [&]() -> cppcoro::task<> {
    auto Later = [&]() -> cppcoro::task<> { co_await Service.schedule(); };
    Service.process_events();
    (void)Later;
    co_return;
  };
  cppcoro::sync_wait(Pump());
  cppcoro::sync_wait(PumpWithCallback());
}

// An asio coroutine always starts on its executor: running the loop there is
// re-entrant whether or not it suspends.
asio::awaitable<void> runsOnly(asio::io_context &Context) {
  Context.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: synchronous wait 'asio::io_context::run' inside coroutine 'runsOnly'
  // CHECK-MESSAGES: :[[@LINE-3]]:23: note: coroutine 'runsOnly' declared here
  co_return;
}

// Outside coroutines, waiting synchronously is how you start.
int main() {
  asio::io_context Context;
  Context.run();
  return cppcoro::sync_wait(fetch());
}
