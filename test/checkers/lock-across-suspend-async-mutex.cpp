// A guard over an async mutex is not a lock across suspension: its waiters
// suspend instead of blocking a thread, and holding it across co_await is
// what it is for. Async: a guard made by co_await (folly's co_scoped_lock,
// cppcoro's scoped_lock_async), a mutex whose lock() returns an awaitable,
// and the catalog's async-mutexes. Only thread-blocking mutexes count.
// RUN: %coro_tidy -checks='-*,coro-lock-across-suspend' %s -- -std=c++20 \
// RUN:   -I %S/Inputs -isystem %S/Inputs/standins \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include "task.h"
#include <cppcoro/task.hpp>
#include <folly/coro/Task.h>
#include <mutex>

// A home-grown async mutex: lock() hands back an awaitable.
struct AwaitMutex {
  task<> lock();
  bool try_lock();
  void unlock();
};

std::mutex Blocking;

folly::coro::Task<void> follyScoped(folly::coro::Mutex &M) {
  auto Lock = co_await M.co_scoped_lock();
  co_await folly::coro::sleep(std::chrono::seconds(1));
}

folly::coro::Task<void> follyAdopted(folly::coro::Mutex &M) {
  co_await M.co_lock();
  std::unique_lock<folly::coro::Mutex> Lock(M, std::adopt_lock);
  co_await folly::coro::sleep(std::chrono::seconds(1));
}

cppcoro::task<> cppcoroScoped(cppcoro::async_mutex &M,
                              cppcoro::static_thread_pool &Pool) {
  auto Lock = co_await M.scoped_lock_async();
  co_await Pool.schedule();
}

task<> awaitableLock(AwaitMutex &M) {
  std::scoped_lock Lock(M);
  co_await ready();
}

// A thread-blocking mutex beside them still counts.
task<> blockingBeside(AwaitMutex &M) {
  std::scoped_lock Async(M);
  std::scoped_lock Sync(Blocking);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: lock guard 'Sync' on 'Blocking' is held across a suspension point of coroutine 'blockingBeside'
  co_await ready();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: suspension point is here
}
