// User code that shares a name with a catalog entry is not the entry: the
// catalog matches declarations by their fully qualified names, never a call
// by its spelling. A variable, parameter, member or lambda named sleep, read,
// connect or wait is not POSIX's.
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- -std=c++20 -I %S/Inputs \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s \
// RUN:   -config="{CheckOptions: {coro-blocking-call.Categories: '*,mutex'}}" \
// RUN:   -- -std=c++20 -I %S/Inputs \
// RUN:   | FileCheck %s -check-prefixes=CHECK-MESSAGES,MUTEX \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include "task.h"
#include <chrono>
#include <fstream>
#include <functional>
#include <mutex>
#include <sys/socket.h>
#include <unistd.h>

using namespace std::chrono_literals;

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

// The user's own global function named like a C API: C++ linkage, declared
// outside system headers.
int connect(const char *Host) { return Host != nullptr; }

// Function objects named like POSIX calls.
struct Reader {
  int operator()(int, void *, unsigned long N) const { return int(N); }
};
struct Client {
  std::function<int(int, const sockaddr *, socklen_t)> connect;
  Reader read;
};

// MUTEX: :[[@LINE+9]]:8: warning: blocking call to 'std::mutex::lock' (mutex)
// MUTEX: :[[@LINE+1]]:8: note: coroutine 'sameNames' declared here
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
  // CHECK-MESSAGES: :[[#SAME:@LINE-11]]:8: note: coroutine 'sameNames' declared here
  ::sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep)
  // CHECK-MESSAGES: :[[#SAME]]:8: note: coroutine 'sameNames' declared here
  co_return;
}

// The shapes issue reports came from: a local lambda named sleep (called as
// sleep(1s)), a parameter named wait, members named connect and read.
task<> localNames(std::function<void()> wait, Client &C, int Fd,
                  const sockaddr *Address) {
  auto sleep = [](std::chrono::seconds) {};
  sleep(1s);
  wait();
  C.connect(Fd, Address, sizeof(sockaddr));
  char Data[8];
  C.read(Fd, Data, sizeof Data);
  auto read = Reader();
  read(Fd, Data, sizeof Data);
  auto connect = [](int, const sockaddr *, socklen_t) { return 0; };
  connect(Fd, Address, sizeof(sockaddr));
  ::connect("example.org");
  co_return;
}
