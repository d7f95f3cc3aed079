// User code that shares a name with a catalog entry is not the entry: the
// catalog matches fully qualified names.
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- -std=c++20 -I %S/Inputs \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include "task.h"
#include <fstream>
#include <mutex>
#include <unistd.h>

namespace app {
int sleep(int Seconds) { return Seconds; }
struct mutex {
  void lock() {}
  void unlock() {}
};
} // namespace app

struct Buffer {
  int read(char *, int N) { return N; }
  void wait() {}
};

// A user class derived from a blocking one inherits its blocking methods.
struct LogFile : std::ofstream {
  using std::ofstream::ofstream;
};

// CHECK-MESSAGES: :[[@LINE+9]]:8: warning: blocking call to 'std::mutex::lock' (sync-primitive)
// CHECK-MESSAGES: :[[#SAME:@LINE+1]]:8: note: coroutine 'sameNames' declared here
task<> sameNames(Buffer &B, app::mutex &M, std::mutex &Real, LogFile &Log) {
  app::sleep(1);
  M.lock();
  M.unlock();
  char Bytes[4];
  B.read(Bytes, 4);
  B.wait();
  Real.lock();
  Real.unlock();
  Log.flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: blocking call to 'std::basic_ofstream::flush' (file-io)
  // CHECK-MESSAGES: :[[#SAME]]:8: note: coroutine 'sameNames' declared here
  ::sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep)
  // CHECK-MESSAGES: :[[#SAME]]:8: note: coroutine 'sameNames' declared here
  co_return;
}
