// Work handed to another thread is not the coroutine's; work run inline is.
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- %asio_flags \
// RUN:   -isystem %S/Inputs/standins \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <algorithm>
#include <asio.hpp>
#include <execution>
#include <functional>
#include <future>
#include <numeric>
#include <thread>
#include <tbb/parallel_invoke.h>
#include <tbb/task_arena.h>
#include <tuple>
#include <unistd.h>
#include <vector>

using asio::awaitable;
using asio::use_awaitable;

// Offloaded: the lambda runs on another thread. Not reported.
awaitable<void> offloads(asio::thread_pool &Pool) {
  asio::post(Pool, [] { sleep(1); });
  std::thread Worker([] { sleep(2); });
  Worker.detach();
  auto Result = std::async(std::launch::async, [] { return usleep(3); });
  (void)Result;
  // A coroutine lambda co_spawned onto the thread pool runs there.
  co_await asio::co_spawn(
      Pool, []() -> awaitable<void> { sleep(4); co_return; }, use_awaitable);
}

// co_spawned onto the coroutine's own executor, it runs on this thread.
awaitable<void> spawnsHere() {
  co_await asio::co_spawn(
      co_await asio::this_coro::executor,
      []() -> awaitable<void> { sleep(5); co_return; }, use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine lambda
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: coroutine lambda declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:33: note: co_await the asio equivalent instead
}

// Inline: std::invoke, std::apply and the algorithms run the lambda right
// here, on the coroutine's thread.
// CHECK-MESSAGES: :[[@LINE+4]]:26: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'inlineWork'
// CHECK-MESSAGES: :[[#INLINE:@LINE+2]]:17: note: coroutine 'inlineWork' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:32: warning: blocking call to 'usleep' (sleep)
awaitable<void> inlineWork(std::vector<int> Items) {
  std::invoke([] { (void)sleep(1); });
  std::apply([](int U) { (void)usleep(U); }, std::tuple<int>(5));
  // CHECK-MESSAGES: :[[#INLINE]]:17: note: coroutine 'inlineWork' declared here
  std::for_each(Items.begin(), Items.end(), [](int I) { usleep(I); });
  // CHECK-MESSAGES: :[[@LINE-1]]:57: warning: blocking call to 'usleep' (sleep)
  // CHECK-MESSAGES: :[[#INLINE]]:17: note: coroutine 'inlineWork' declared here
  std::ranges::for_each(Items, [](int I) { usleep(I); });
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: blocking call to 'usleep' (sleep)
  // CHECK-MESSAGES: :[[#INLINE]]:17: note: coroutine 'inlineWork' declared here
  int Sum = std::accumulate(Items.begin(), Items.end(), 0,
                            [](int A, int B) { return A + B; });
  (void)Sum;
  co_return;
}

// Fork-join: the work runs on other threads but the call waits for all of
// it, so the coroutine's thread blocks; the blocking work inside is reported.
awaitable<void> forkJoin(std::vector<int> Items) {
  tbb::parallel_invoke([] { sleep(1); }, [] { usleep(1); });
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'forkJoin'
  // CHECK-MESSAGES: :[[#FORK:@LINE-3]]:17: note: coroutine 'forkJoin' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:47: warning: blocking call to 'usleep' (sleep)
  // CHECK-MESSAGES: :[[#FORK]]:17: note: coroutine 'forkJoin' declared here
  std::for_each(std::execution::par, Items.begin(), Items.end(),
                [](int I) { usleep(I); });
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: blocking call to 'usleep' (sleep)
  // CHECK-MESSAGES: :[[#FORK]]:17: note: coroutine 'forkJoin' declared here
  tbb::task_arena Arena;
  Arena.execute([] { return sleep(2); });
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: blocking call to 'sleep' (sleep)
  // CHECK-MESSAGES: :[[#FORK]]:17: note: coroutine 'forkJoin' declared here
  co_return;
}
