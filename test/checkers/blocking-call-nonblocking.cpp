// What cannot block is not reported: zero timeouts, non-blocking flags,
// try_lock, awaited calls (even with blocking-sounding names), and get() on
// a future the coroutine already awaited. Synchronous generators are skipped
// unless CheckGenerators is set.
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- -std=c++20 -I %S/Inputs \
// RUN:   -isystem %S/Inputs/standins \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s \
// RUN:   -config="{CheckOptions: {coro-blocking-call.CheckGenerators: true}}" \
// RUN:   -- -std=c++20 -I %S/Inputs -isystem %S/Inputs/standins \
// RUN:   | FileCheck %s -check-prefixes=CHECK-MESSAGES,CHECK-GENERATORS \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include "task.h"
#include <chrono>
#include <condition_variable>
#include <cppcoro/task.hpp>
#include <folly/coro/Task.h>
#include <future>
#include <mutex>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace std::chrono_literals;

std::timed_mutex TM;
std::condition_variable CV;

// CHECK-MESSAGES: :[[@LINE+6]]:9: warning: blocking call to 'poll' (network)
// CHECK-MESSAGES: :[[#ZERO:@LINE+3]]:8: note: coroutine 'zeroTimeouts' declared here
// CHECK-MESSAGES: :[[@LINE+6]]:3: warning: blocking call to 'waitpid' (process)
// CHECK-MESSAGES: :[[#ZERO]]:8: note: coroutine 'zeroTimeouts' declared here
task<> zeroTimeouts(pollfd *Fds, pid_t Child, std::future<int> &F,
                    std::unique_lock<std::mutex> &Lock) {
  (void)poll(Fds, 1, 100);
  int Status = 0;
  waitpid(Child, &Status, 0);
  // Zero timeouts and WNOHANG only look.
  (void)poll(Fds, 1, 0);
  waitpid(Child, &Status, WNOHANG);
  (void)F.wait_for(0s);
  (void)F.wait_for(std::chrono::milliseconds(0));
  (void)F.wait_for(std::chrono::seconds::zero());
  (void)CV.wait_for(Lock, 0ms);
  if (TM.try_lock_for(0s))
    TM.unlock();
  if (TM.try_lock())
    TM.unlock();
  // Non-zero timeouts wait.
  (void)CV.wait_for(Lock, 10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: blocking call to 'std::condition_variable::wait_for' (sync-primitive)
  // CHECK-MESSAGES: :[[#ZERO]]:8: note: coroutine 'zeroTimeouts' declared here
  (void)F.wait_for(5s);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking call to 'std::future::wait_for' (sync-primitive)
  // CHECK-MESSAGES: :[[#ZERO]]:8: note: coroutine 'zeroTimeouts' declared here
  co_return;
}

// Awaitables whose names sound blocking: an async mutex's lock, a
// task-returning read_some.
struct AsyncStream {
  task<int> read_some(char *, int);
};
task<> awaitedNames(cppcoro::async_mutex &Mutex, AsyncStream &Stream,
                    folly::coro::Mutex &FollyMutex) {
  co_await Mutex.lock_async();
  co_await FollyMutex.co_lock();
  char Buf[8];
  co_await Stream.read_some(Buf, 8);
  Mutex.unlock();
  FollyMutex.unlock();
}

// get() on a future already awaited returns at once.
struct Load {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  int await_resume() const noexcept { return 0; }
  [[clang::annotate("coro::blocking")]] int get();
};
// CHECK-MESSAGES: :[[@LINE+3]]:23: warning: blocking call to 'Load::get' (annotated)
// CHECK-MESSAGES: :[[@LINE+1]]:11: note: coroutine 'readyFuture' declared here
task<int> readyFuture(Load Pending, Load Done) {
  int Early = Pending.get();
  co_await Done;
  int Late = std::move(Done).get();
  (void)(Early + Late);
}

// A synchronous generator yields values to a caller on the same thread; it
// has no executor to stall.
cppcoro::generator<int> numbers() {
  sleep(1);
  // CHECK-GENERATORS: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'numbers'
  // CHECK-GENERATORS: :[[@LINE-3]]:25: note: coroutine 'numbers' declared here
  co_yield 1;
}
