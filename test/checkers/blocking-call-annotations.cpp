// Users mark their own APIs: coro::blocking makes calls reported,
// coro::nonblocking silences them (catalog entries included). A function
// with an awaitable twin beside it (async_X, X_async, XAsync, co_X) is
// reported too, naming the twin, as .NET's VSTHRD103 does.
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- -std=c++20 -I %S/Inputs \
// RUN:   -I %src_root/include \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s \
// RUN:   -config="{CheckOptions: {coro-blocking-call.Categories: '*,-async-twin'}}" \
// RUN:   -- -std=c++20 -I %S/Inputs -I %src_root/include \
// RUN:   | FileCheck %s -check-prefix=NO-TWINS

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

// NO-TWINS-NOT: (async-twin)
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
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: blocking call to 'Cache::lookup' (async-twin) stalls the thread running coroutine 'annotated': it waits for what its awaitable twin awaits; co_await 'Cache::lookup_async' instead [coro-blocking-call]
  // CHECK-MESSAGES: :[[#ANN]]:8: note: coroutine 'annotated' declared here
  C.refresh();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'Cache::refresh' (async-twin) {{.*}} co_await 'Cache::co_refresh' instead [coro-blocking-call]
  // CHECK-MESSAGES: :[[#ANN]]:8: note: coroutine 'annotated' declared here
  S.send("hello");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'Socket::send' (async-twin) {{.*}} co_await 'Socket::async_send' instead [coro-blocking-call]
  // CHECK-MESSAGES: :[[#ANN]]:8: note: coroutine 'annotated' declared here
  // No twin, not annotated: not reported. Awaiting the twin: fine.
  (void)C.size();
  co_await C.lookup_async(Rows);
  co_await C.co_refresh();
  (void)Hit;
}
