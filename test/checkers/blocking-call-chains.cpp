// Blocking through helper functions: a call on a coroutine's thread to a
// function whose body (or a callee's body) reaches a blocking API is
// reported at the call, in the category of the API at the end of the
// chain, with one note per hop of one shortest chain. Not followed: helpers
// that offload their work, coroutines and functions returning awaitables,
// function pointers and other opaque callables, virtual calls whose final
// overrider is unknown, helpers marked coro::nonblocking, and chains longer
// than MaxCallDepth.
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- -std=c++20 -I %S/Inputs \
// RUN:   -I %src_root/include \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s \
// RUN:   -config="{CheckOptions: {coro-blocking-call.MaxCallDepth: 2}}" \
// RUN:   -- -std=c++20 -I %S/Inputs -I %src_root/include \
// RUN:   | FileCheck %s -check-prefix=DEPTH2
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s \
// RUN:   -config="{CheckOptions: {coro-blocking-call.FollowCalls: false}}" \
// RUN:   -- -std=c++20 -I %S/Inputs -I %src_root/include \
// RUN:   | FileCheck %s -check-prefix=NO-FOLLOW --allow-empty
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s \
// RUN:   -config="{CheckOptions: {coro-blocking-call.Categories: '*,-file-io'}}" \
// RUN:   -- -std=c++20 -I %S/Inputs -I %src_root/include \
// RUN:   | FileCheck %s -check-prefix=NO-FILES

#include "chain_helpers.h"
#include "task.h"
#include <coro_tidy/annotations.h>
#include <thread>
#include <unistd.h>

// NO-FOLLOW-NOT: blocks: it reaches

void nap() { sleep(1); }
void napTwice() { nap(); }
void napThrice() { napTwice(); }

struct Spooler {
  void flush() { fsync(Fd); }
  int Fd = 3;
};

// Recursion and mutual recursion end; the one that reaches an API is found.
int countdown(int N) { return N > 0 ? countdown(N - 1) : 0; }
void ping(int N);
void pong(int N) {
  if (N)
    ping(N - 1);
}
void ping(int N) {
  if (N == 1)
    nap();
  pong(N);
}

template <typename T> void wait(T Seconds) { sleep(Seconds); }

// Work a helper hands to a thread of its own is not its caller's.
void background() { std::thread([] { sleep(1); }).detach(); }

// The escape hatch: blocks only on a path that cannot happen here.
CORO_NONBLOCKING void guarded() { nap(); }

struct Base {
  virtual void run() = 0;
  virtual ~Base() = default;
};
struct Final final : Base {
  void run() override { nap(); }
};

task<> direct() {
  nap();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'nap' blocks: it reaches 'sleep' (sleep), which stalls the thread running coroutine 'direct': the thread sleeps for the whole delay; co_await your framework's timer or sleep instead [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-3]]:8: note: coroutine 'direct' declared here
  // CHECK-MESSAGES: :34:14: note: 'nap' calls 'sleep' here
  napThrice();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'napThrice' blocks: it reaches 'sleep' (sleep)
  // CHECK-MESSAGES: :[[@LINE-7]]:8: note: coroutine 'direct' declared here
  // CHECK-MESSAGES: :36:20: note: 'napThrice' calls 'napTwice' here
  // CHECK-MESSAGES: :35:19: note: 'napTwice' calls 'nap' here
  // CHECK-MESSAGES: :34:14: note: 'nap' calls 'sleep' here
  // DEPTH2: :[[@LINE-10]]:3: warning: call to 'nap' blocks
  // DEPTH2-NOT: call to 'napThrice'
  co_return;
}

task<> members(Spooler &S, Final &F, Base &B) {
  S.flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: call to 'Spooler::flush' blocks: it reaches 'fsync' (file-io)
  // CHECK-MESSAGES: :[[@LINE-3]]:8: note: coroutine 'members' declared here
  // CHECK-MESSAGES: :39:18: note: 'Spooler::flush' calls 'fsync' here
  // NO-FILES-NOT: Spooler::flush
  F.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: call to 'Final::run' blocks: it reaches 'sleep' (sleep)
  // CHECK-MESSAGES: :[[@LINE-8]]:8: note: coroutine 'members' declared here
  // CHECK-MESSAGES: :69:25: note: 'Final::run' calls 'nap' here
  // CHECK-MESSAGES: :34:14: note: 'nap' calls 'sleep' here
  // A virtual call through the base: the overrider is unknown.
  B.run();
  co_return;
}

task<> recursion() {
  (void)countdown(3);
  ping(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'ping' blocks: it reaches 'sleep' (sleep)
  // CHECK-MESSAGES: :[[@LINE-4]]:8: note: coroutine 'recursion' declared here
  // CHECK-MESSAGES: :52:5: note: 'ping' calls 'nap' here
  // CHECK-MESSAGES: :34:14: note: 'nap' calls 'sleep' here
  co_return;
}

task<> templatesAndHeaders() {
  wait(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'wait' blocks: it reaches 'sleep' (sleep)
  // CHECK-MESSAGES: :[[@LINE-3]]:8: note: coroutine 'templatesAndHeaders' declared here
  // CHECK-MESSAGES: :56:46: note: 'wait' calls 'sleep' here
  std::string Manifest = loadManifest();
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: call to 'loadManifest' blocks: it reaches 'std::basic_ifstream' (file-io)
  // CHECK-MESSAGES: :[[@LINE-7]]:8: note: coroutine 'templatesAndHeaders' declared here
  // CHECK-MESSAGES: chain_helpers.h:12:44: note: 'loadManifest' calls 'slurp' here
  // CHECK-MESSAGES: chain_helpers.h:8:17: note: 'slurp' constructs 'std::basic_ifstream' here
  co_return;
}

task<> notFollowed(void (*Callback)()) {
  background();
  guarded();
  Callback();
  co_return;
}
