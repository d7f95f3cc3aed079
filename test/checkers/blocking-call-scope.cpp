// What counts as "inside a coroutine body" (checks/utils/CoroutineBody.h).
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- -std=c++20 -I %S/Inputs \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include "task.h"
#include <chrono>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <unistd.h>
#include <utility>

using namespace std::chrono_literals;

// A plain lambda nested in a coroutine may run on another thread: not
// reported. A lambda invoked in place runs right here: reported. So are
// init-captures, evaluated when the lambda is created.
// CHECK-MESSAGES: :[[@LINE+6]]:5: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'lambdas'
// CHECK-MESSAGES: :[[#LAMBDAS:@LINE+1]]:8: note: coroutine 'lambdas' declared here
task<> lambdas(std::function<void()> &Later) {
  Later = [] { sleep(1); };
  auto Stored = [] { usleep(1); };
  [] {
    sleep(2);
  }();
  auto WithInit = [Slept = sleep(3)] { return Slept; };
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'lambdas'
  // CHECK-MESSAGES: :[[#LAMBDAS]]:8: note: coroutine 'lambdas' declared here
  int FromInPlace = [&] { return usleep(4); }();
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: blocking call to 'usleep' (sleep) stalls the thread running coroutine 'lambdas'
  // CHECK-MESSAGES: :[[#LAMBDAS]]:8: note: coroutine 'lambdas' declared here
  (void)Stored;
  (void)WithInit;
  (void)FromInPlace;
  co_return;
}

// A local class's member functions are not the coroutine's body.
task<> localClass() {
  struct Worker {
    void run() { sleep(1); }
  };
  Worker W;
  (void)W;
  co_return;
}

// A coroutine lambda inside an ordinary function is a coroutine of its own.
void spawnsCoroutineLambda() {
  auto Coroutine = []() -> task<> {
    sleep(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine lambda
    // CHECK-MESSAGES: :[[@LINE-3]]:20: note: coroutine lambda declared here
    co_return;
  };
  Coroutine();
}

// A coroutine lambda invoked in place inside a coroutine is reported once,
// as its own coroutine.
task<> nestedCoroutineLambda() {
  co_await []() -> task<> {
    usleep(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'usleep' (sleep) stalls the thread running coroutine lambda
    // CHECK-MESSAGES: :[[@LINE-3]]:12: note: coroutine lambda declared here
    co_return;
  }();
}

// Unevaluated operands never run.
task<> unevaluated() {
  using Result = decltype(sleep(1));
  constexpr auto Size = sizeof(usleep(1));
  constexpr bool NoThrow = noexcept(sleep(2));
  constexpr bool Callable = requires { sleep(3); };
  (void)Size;
  (void)NoThrow;
  (void)Callable;
  Result R = 0;
  (void)R;
  co_return;
}

// The compiler-generated parts of a coroutine (promise calls, initial and
// final suspend, await_* calls) are not user code: an awaitable whose
// await_suspend blocks is the awaitable's problem, reported where it is
// written if at all.
struct SleepyAwaitable {
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<> H) {
    sleep(1);
    H.resume();
  }
  void await_resume() {}
};
task<> generatedCode() {
  co_await SleepyAwaitable{};
  co_await ready();
}

// A call written in a template is reported once at its spelling location,
// however many instantiations there are; a dependent call is reported when
// an instantiation resolves it to a blocking function.
// CHECK-MESSAGES: :[[@LINE+4]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'generic'
// CHECK-MESSAGES: :[[#GENERIC:@LINE+2]]:8: note: coroutine 'generic' declared here
template <typename Future>
task<> generic(Future &F) {
  sleep(1);
  F.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'std::future::wait' (sync-primitive) stalls the thread running coroutine 'generic'
  // CHECK-MESSAGES: :[[#GENERIC]]:8: note: coroutine 'generic' declared here
  co_return;
}
struct ReadyFuture {
  void wait() {}
};
void instantiate(std::future<int> &A, std::future<int> &B, ReadyFuture &C) {
  generic(A);
  generic(B);
  generic(C);
}

// A call that comes from a macro is reported at the expansion site.
#define NAP() sleep(1)
// CHECK-MESSAGES: :[[@LINE+3]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'macros'
// CHECK-MESSAGES: :[[@LINE+1]]:8: note: coroutine 'macros' declared here
task<> macros() {
  NAP();
  co_return;
}

// co_await f(...): f only creates the awaitable, so f is not reported; its
// arguments still run here.
task<> awaitedCall(task<> (*Make)(int)) {
  co_await Make(sleep(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'awaitedCall'
  // CHECK-MESSAGES: :[[@LINE-3]]:8: note: coroutine 'awaitedCall' declared here
}

// Member coroutines are coroutines too.
struct Server {
  task<> serve();
};
// CHECK-MESSAGES: :[[@LINE+3]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'serve'
// CHECK-MESSAGES: :[[@LINE+1]]:16: note: coroutine 'serve' declared here
task<> Server::serve() {
  sleep(1);
  co_return;
}

// A template never instantiated in the translation unit (a header-only
// library's own fallback): a dependent call whose every candidate is a
// blocking catalog entry is reported at the template. An unqualified call
// that argument-dependent lookup may still resolve to another function, and
// a call with a candidate that does not block, are not.
template <typename Rep> void napFor(Rep);
template <typename Duration> task<> neverInstantiated(Duration D) {
  std::this_thread::sleep_for(D);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::this_thread::sleep_for' (sleep) stalls the thread running coroutine 'neverInstantiated'
  // CHECK-MESSAGES: :[[@LINE-3]]:37: note: coroutine 'neverInstantiated' declared here
  ::usleep(D.count());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'usleep' (sleep) stalls the thread running coroutine 'neverInstantiated'
  // CHECK-MESSAGES: :[[@LINE-6]]:37: note: coroutine 'neverInstantiated' declared here
  usleep(D.count());
  napFor(D.count());
  co_return;
}
