// A short critical section under a thread-blocking mutex is fine in async
// code: acquiring one is reported only in the opt-in category mutex. What
// makes a section long is reported instead: a blocking call while a lock is
// held carries a note naming the lock (coro-lock-across-suspend reports one
// held across a suspension). A condition-variable wait releases the lock it
// is given, so that lock is not named.
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- -std=c++20 -I %S/Inputs \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s \
// RUN:   -config="{CheckOptions: {coro-blocking-call.Categories: '*,mutex'}}" \
// RUN:   -- -std=c++20 -I %S/Inputs \
// RUN:   | FileCheck %s -check-prefixes=CHECK-MESSAGES,MUTEX \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include "task.h"
#include <condition_variable>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unistd.h>

std::mutex M;
std::shared_mutex SM;
std::condition_variable CV;
std::map<int, std::string> Table;

// A test-assertion macro that takes a global lock.
#define CHECK_THREAD_SAFE(Expr)                                                \
  do {                                                                         \
    std::lock_guard<std::mutex> Lock(M);                                       \
    (void)(Expr);                                                              \
  } while (false)

task<> shortSections(int Key) {
  {
    std::lock_guard Guard(M);
    // MUTEX: :[[@LINE-1]]:21: warning: blocking construction of 'std::lock_guard' (mutex) stalls the thread running coroutine 'shortSections': the constructor waits while another thread holds the mutex; keep the critical section short and free of waiting, or use an async mutex [coro-blocking-call]
    // MUTEX: :[[#SHORT:@LINE-4]]:8: note: coroutine 'shortSections' declared here
    Table[Key] = "value";
  }
  std::string Copy;
  {
    std::shared_lock Reader(SM);
    // MUTEX: :[[@LINE-1]]:22: warning: blocking construction of 'std::shared_lock' (mutex)
    // MUTEX: :[[#SHORT]]:8: note: coroutine 'shortSections' declared here
    Copy = Table[Key];
  }
  M.lock();
  // MUTEX: :[[@LINE-1]]:5: warning: blocking call to 'std::mutex::lock' (mutex)
  // MUTEX: :[[#SHORT]]:8: note: coroutine 'shortSections' declared here
  Table.erase(Key);
  M.unlock();
  CHECK_THREAD_SAFE(Copy.empty());
  // MUTEX: :[[@LINE-1]]:3: warning: blocking construction of 'std::lock_guard' (mutex)
  // MUTEX: :[[#SHORT]]:8: note: coroutine 'shortSections' declared here
  co_return;
}

// A blocking call inside the section: reported, naming the lock.
task<> longSection(int Fd) {
  std::lock_guard Guard(M);
  // MUTEX: :[[@LINE-1]]:19: warning: blocking construction of 'std::lock_guard' (mutex)
  // MUTEX: :[[#LONG:@LINE-3]]:8: note: coroutine 'longSection' declared here
  fsync(Fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'fsync' (file-io) stalls the thread running coroutine 'longSection'
  // CHECK-MESSAGES: :[[@LINE-6]]:8: note: coroutine 'longSection' declared here
  // CHECK-MESSAGES: :[[@LINE-6]]:19: note: lock guard 'Guard' on 'M' is held during this call, so every thread waiting for it waits too
  co_return;
}

// Held on one path only: still named. Released before: not named.
task<> somePaths(bool Fast) {
  std::unique_lock Lock(M);
  // MUTEX: :[[@LINE-1]]:20: warning: blocking construction of 'std::unique_lock' (mutex)
  // MUTEX: :[[@LINE-3]]:8: note: coroutine 'somePaths' declared here
  if (Fast)
    Lock.unlock();
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'somePaths'
  // CHECK-MESSAGES: :[[@LINE-8]]:8: note: coroutine 'somePaths' declared here
  // CHECK-MESSAGES: :[[@LINE-8]]:20: note: lock guard 'Lock' on 'M' is held during this call, so every thread waiting for it waits too
  if (Lock.owns_lock())
    Lock.unlock();
  sleep(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'somePaths'
  // CHECK-MESSAGES: :[[@LINE-14]]:8: note: coroutine 'somePaths' declared here
  co_return;
}

// A condition-variable wait releases the lock it is given.
task<> waits(bool &Ready) {
  std::unique_lock Lock(M);
  // MUTEX: :[[@LINE-1]]:20: warning: blocking construction of 'std::unique_lock' (mutex)
  // MUTEX: :[[@LINE-3]]:8: note: coroutine 'waits' declared here
  CV.wait(Lock, [&] { return Ready; });
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: blocking call to 'std::condition_variable::wait' (sync-primitive) stalls the thread running coroutine 'waits'
  // CHECK-MESSAGES: :[[@LINE-6]]:8: note: coroutine 'waits' declared here
  co_return;
}
