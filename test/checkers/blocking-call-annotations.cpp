// Users mark their own APIs: coro::blocking makes calls reported,
// coro::nonblocking silences them (catalog entries included). An awaitable
// twin beside a function (async_X, X_async, XAsync, co_X) is advice, not
// evidence: it names the alternative of a call reported on evidence, and a
// call to a function with no visible body and a twin is reported only in the
// opt-in category async-twin.
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- -std=c++20 -I %S/Inputs \
// RUN:   -I %src_root/include \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s \
// RUN:   -config="{CheckOptions: {coro-blocking-call.Categories: '*,async-twin'}}" \
// RUN:   -- -std=c++20 -I %S/Inputs -I %src_root/include \
// RUN:   | FileCheck %s -check-prefixes=CHECK-MESSAGES,TWINS \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include "task.h"
#include <coro_tidy/annotations.h>
#include <sys/types.h>
#include <unistd.h>

namespace store {
CORO_BLOCKING void flushToDisk();
CORO_BLOCKING_CATEGORY("database") int query(const char *Sql);
task<int> queryAsync(const char *Sql);
// A wrapper over a non-blocking descriptor: read() cannot block here.
CORO_NONBLOCKING inline ssize_t readSome(int Fd, char *Buf, size_t N) {
  return ::read(Fd, Buf, N);
}
} // namespace store

class Cache {
public:
  int lookup(int Key);
  task<int> lookup_async(int Key);
  int size() const;
  void refresh();
  ready_awaitable co_refresh();
};

struct Socket {
  int send(const char *);
  template <typename Token> auto async_send(const char *, Token &&);
};

// A synchronous stop() that only flags the socket, beside an async_stop()
// that runs a protocol shutdown: its body shows it does not block.
struct Session {
  bool Stopped = false;
  void stop() { Stopped = true; }
  task<> async_stop();
  // Its body blocks: reported through the chain, with the twin as advice.
  void flush() { ::fsync(3); }
  task<> flush_async();
};

// A hook with a synchronous and an awaitable form, picked by a mode flag.
struct Hooks {
  virtual void onEvent() = 0;
  virtual task<> onEventAsync() = 0;
  void notify();
  task<> notifyAsync();
};

task<> annotated(Cache &C, Socket &S, int Fd) {
  store::flushToDisk();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'store::flushToDisk' (annotated) stalls the thread running coroutine 'annotated': it is annotated coro::blocking; offload it to a thread pool and co_await the result [coro-blocking-call]
  // CHECK-MESSAGES: :[[#ANN:@LINE-3]]:8: note: coroutine 'annotated' declared here
  int Rows = store::query("SELECT 1");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: blocking call to 'store::query' (database) stalls the thread running coroutine 'annotated': it is annotated coro::blocking; co_await 'store::queryAsync' instead [coro-blocking-call]
  // CHECK-MESSAGES: :[[#ANN]]:8: note: coroutine 'annotated' declared here
  char Buf[16];
  store::readSome(Fd, Buf, sizeof Buf);
  int Hit = C.lookup(Rows);
  // TWINS: :[[@LINE-1]]:15: warning: an awaitable twin 'Cache::lookup_async' exists; the synchronous 'Cache::lookup' (async-twin) may block the thread running coroutine 'annotated'; co_await 'Cache::lookup_async' instead [coro-blocking-call]
  // TWINS: :[[#ANN]]:8: note: coroutine 'annotated' declared here
  C.refresh();
  // TWINS: :[[@LINE-1]]:5: warning: an awaitable twin 'Cache::co_refresh' exists; the synchronous 'Cache::refresh' (async-twin) may block {{.*}}; co_await 'Cache::co_refresh' instead [coro-blocking-call]
  // TWINS: :[[#ANN]]:8: note: coroutine 'annotated' declared here
  S.send("hello");
  // TWINS: :[[@LINE-1]]:5: warning: an awaitable twin 'Socket::async_send' exists; the synchronous 'Socket::send' (async-twin) may block {{.*}}; co_await 'Socket::async_send' instead [coro-blocking-call]
  // TWINS: :[[#ANN]]:8: note: coroutine 'annotated' declared here
  // No twin, not annotated: not reported. Awaiting the twin: fine.
  (void)C.size();
  co_await C.lookup_async(Rows);
  co_await C.co_refresh();
  (void)Hit;
}

task<> twins(Session &Sess, Hooks &H, bool Async) {
  // The body is visible and does not block: never reported.
  Sess.stop();
  Sess.flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: call to 'Session::flush' blocks: it reaches 'fsync' (file-io), which stalls the thread running coroutine 'twins': {{.*}}; co_await 'Session::flush_async' instead [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-5]]:8: note: coroutine 'twins' declared here
  // CHECK-MESSAGES: :{{[0-9]+}}:18: note: 'Session::flush' calls 'fsync' here
  // A pure-virtual hook: an interface, not evidence.
  H.onEvent();
  // The mode-flag dispatch: the other branch awaits the twin.
  if (Async)
    co_await H.notifyAsync();
  else
    H.notify();
  Async ? co_await H.notifyAsync() : H.notify();
}
