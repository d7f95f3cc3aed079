// coro-lock-across-suspend: a lock held across co_await or co_yield.
// RUN: %coro_tidy -checks='-*,coro-lock-across-suspend' %s -- -std=c++20 \
// RUN:   -I %S/Inputs -isystem %S/Inputs/standins \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %coro_tidy -checks='-*,coro-lock-across-suspend' %s \
// RUN:   -config="{CheckOptions: {coro-lock-across-suspend.LockGuardTypes: 'app::Guard'}}" \
// RUN:   -- -std=c++20 -I %S/Inputs -isystem %S/Inputs/standins \
// RUN:   | FileCheck %s -check-prefix=CHECK-OPTION

#include "task.h"
#include <cppcoro/task.hpp>
#include <mutex>
#include <pthread.h>
#include <shared_mutex>

std::mutex M;
std::shared_mutex SM;

// CHECK-MESSAGES: :[[@LINE+3]]:31: warning: lock guard 'Guard' on 'M' is held across a suspension point of coroutine 'guarded': other threads wanting it wait while the coroutine is suspended, and it may resume on another thread and unlock it there; release the lock before co_await, or use an async mutex [coro-lock-across-suspend]
// CHECK-MESSAGES: :[[@LINE+3]]:3: note: suspension point is here
task<> guarded() {
  std::lock_guard<std::mutex> Guard(M);
  co_await ready();
  co_await ready();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: suspension point is here
}

// Every guard kind, however it acquired; not one made with defer_lock.
task<> kinds(std::mutex &Other) {
  std::scoped_lock Scoped(M);
  std::unique_lock<std::mutex> Unique(M);
  std::shared_lock<std::shared_mutex> Shared(SM);
  std::unique_lock<std::mutex> Tried(M, std::try_to_lock);
  Other.lock();
  std::unique_lock<std::mutex> Adopted(Other, std::adopt_lock);
  std::unique_lock<std::mutex> Deferred(M, std::defer_lock);
  co_await ready();
  // CHECK-MESSAGES: :[[@LINE-8]]:20: warning: lock guard 'Scoped' on 'M' is held across a suspension point of coroutine 'kinds'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: suspension point is here
  // CHECK-MESSAGES: :[[@LINE-9]]:32: warning: lock guard 'Unique' on 'M' is held across a suspension point of coroutine 'kinds'
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: suspension point is here
  // CHECK-MESSAGES: :[[@LINE-10]]:39: warning: lock guard 'Shared' on 'SM' is held across a suspension point of coroutine 'kinds'
  // CHECK-MESSAGES: :[[@LINE-6]]:3: note: suspension point is here
  // CHECK-MESSAGES: :[[@LINE-11]]:32: warning: lock guard 'Tried' on 'M' is held across a suspension point of coroutine 'kinds'
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: suspension point is here
  // CHECK-MESSAGES: :[[@LINE-11]]:32: warning: lock guard 'Adopted' on 'Other' is held across a suspension point of coroutine 'kinds'
  // CHECK-MESSAGES: :[[@LINE-10]]:3: note: suspension point is here
}

// Released in straight-line code before the suspension: not held.
task<> released(std::mutex &A) {
  std::unique_lock<std::mutex> Unlocked(M);
  Unlocked.unlock();
  std::unique_lock<std::mutex> Released(M);
  Released.release()->unlock();
  std::unique_lock<std::mutex> Moved(M);
  std::unique_lock<std::mutex> Taken(std::move(Moved));
  Taken.unlock();
  {
    std::lock_guard<std::mutex> Scoped(M);
  }
  A.lock();
  A.unlock();
  co_await ready();
}

// Unlocked on one path only: still held on the other.
// CHECK-MESSAGES: :[[@LINE+3]]:32: warning: lock guard 'Maybe' on 'M' is held
// CHECK-MESSAGES: :[[@LINE+5]]:3: note: suspension point is here
task<> branches(bool Fast) {
  std::unique_lock<std::mutex> Maybe(M);
  if (Fast)
    Maybe.unlock();
  co_await ready();
}

// Locked again in a loop that suspends: held from the second iteration.
// CHECK-MESSAGES: :[[@LINE+3]]:32: warning: lock guard 'Relocked' on 'M' is held
// CHECK-MESSAGES: :[[@LINE+4]]:5: note: suspension point is here
task<> loops() {
  std::unique_lock<std::mutex> Relocked(M, std::defer_lock);
  for (int I = 0; I < 3; ++I) {
    co_await ready();
    Relocked.lock();
  }
}

// Raw lock() with a suspension before unlock().
// CHECK-MESSAGES: :[[@LINE+4]]:5: warning: mutex 'M' is held across a suspension point of coroutine 'raw'
// CHECK-MESSAGES: :[[@LINE+4]]:3: note: suspension point is here
// CHECK-MESSAGES: :[[@LINE+5]]:3: warning: mutex 'PM' is held across a suspension point of coroutine 'raw'
task<> raw(pthread_mutex_t &PM) {
  M.lock();
  co_await ready();
  M.unlock();
  pthread_mutex_lock(&PM);
  co_await ready();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: suspension point is here
  pthread_mutex_unlock(&PM);
}

// The framework's advice: cppcoro has an async mutex.
// CHECK-MESSAGES: :[[@LINE+2]]:31: warning: lock guard 'Guard' on 'M' is held across a suspension point of coroutine 'cppcoroStyle': {{.*}}; use cppcoro::async_mutex (co_await mutex.scoped_lock_async()), or release the lock before co_await [coro-lock-across-suspend]
cppcoro::task<> cppcoroStyle(cppcoro::static_thread_pool &Pool) {
  std::lock_guard<std::mutex> Guard(M);
  co_await Pool.schedule();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: suspension point is here
}

// Scoped-lockable types (Clang's thread-safety attribute) and, with the
// option, named guard types.
class __attribute__((capability("mutex"))) AnnotatedMutex {
public:
  void lock() __attribute__((acquire_capability()));
  void unlock() __attribute__((release_capability()));
};
class __attribute__((scoped_lockable)) AnnotatedGuard {
public:
  explicit AnnotatedGuard(AnnotatedMutex &Mu) __attribute__((acquire_capability(Mu)));
  ~AnnotatedGuard() __attribute__((release_capability()));
};
namespace app {
struct Guard {
  explicit Guard(std::mutex &);
};
} // namespace app
AnnotatedMutex AM;
// CHECK-MESSAGES: :[[@LINE+4]]:18: warning: lock guard 'Annotated' on 'AM' is held
// CHECK-MESSAGES: :[[@LINE+5]]:3: note: suspension point is here
// CHECK-OPTION: :[[@LINE+3]]:14: warning: lock guard 'Named' on 'M' is held
task<> custom() {
  AnnotatedGuard Annotated(AM);
  app::Guard Named(M);
  co_await ready();
}

// Not a coroutine: nothing to report.
void plain() {
  std::lock_guard<std::mutex> Guard(M);
}
