// A wait on an object lets go only when the object was awaited on every path
// to the wait (a must-analysis on the body's CFG): an await on one branch, in
// a loop after the wait, before the object was given a new value, or in a
// try block a throw can leave early proves nothing for the wait.
// RUN: %coro_tidy -checks='-*,coro-blocking-call,coro-sync-wait' %s -- \
// RUN:   -std=c++20 -isystem %S/Inputs/standins \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <folly/coro/Task.h>
#include <utility>

bool mayThrow();

// An await on one path only: the wait on the other path blocks.
folly::coro::Task<int> awaitedOnOnePath(folly::SemiFuture<int> F,
                                        folly::SemiFuture<int> G, bool C) {
  if (C)
    co_await std::move(F);
  int A = std::move(F).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: synchronous wait 'folly::SemiFuture::get' inside coroutine 'awaitedOnOnePath'
  // CHECK-MESSAGES: :[[@LINE-6]]:24: note: coroutine 'awaitedOnOnePath' declared here
  // Awaited on both paths: ready.
  if (C)
    co_await std::move(G);
  else
    co_await std::move(G);
  int B = std::move(G).get();
  co_return A + B;
}

// In a loop, the wait of the first iteration comes before any await.
folly::coro::Task<int> awaitedLaterInLoop(folly::SemiFuture<int> F) {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Sum += std::move(F).get();
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: synchronous wait 'folly::SemiFuture::get' inside coroutine 'awaitedLaterInLoop'
    // CHECK-MESSAGES: :[[@LINE-5]]:24: note: coroutine 'awaitedLaterInLoop' declared here
    co_await std::move(F);
  }
  co_return Sum;
}

folly::SemiFuture<int> start();

// A new value after the await is another future, not yet complete.
folly::coro::Task<int> reassignedAfterAwait(folly::SemiFuture<int> F) {
  co_await std::move(F);
  F = start();
  co_return std::move(F).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: synchronous wait 'folly::SemiFuture::get' inside coroutine 'reassignedAfterAwait'
  // CHECK-MESSAGES: :[[@LINE-5]]:24: note: coroutine 'reassignedAfterAwait' declared here
}

// A handler runs after whatever threw: the await may not have happened.
folly::coro::Task<int> awaitedInTry(folly::SemiFuture<int> F) {
  try {
    mayThrow();
    co_await std::move(F);
  } catch (...) {
    co_return std::move(F).get();
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: synchronous wait 'folly::SemiFuture::get' inside coroutine 'awaitedInTry'
    // CHECK-MESSAGES: :[[@LINE-7]]:24: note: coroutine 'awaitedInTry' declared here
  }
  co_return std::move(F).get();
}

// The same shapes through an annotated blocking get() (coro-blocking-call).
struct Load {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  int await_resume() const noexcept { return 0; }
  [[clang::annotate("coro::blocking")]] int get();
};

folly::coro::Task<int> annotatedWait(Load L, Load M, bool C) {
  if (C)
    co_await std::move(L);
  int A = std::move(L).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: blocking call to 'Load::get' (annotated) stalls the thread running coroutine 'annotatedWait'
  // CHECK-MESSAGES: :[[@LINE-5]]:24: note: coroutine 'annotatedWait' declared here
  co_await M;
  int B = M.get();
  co_return A + B;
}
