// After co_await on an executor switch (the catalog's executor-switches), the
// coroutine runs on a pool meant for blocking work: blocking calls that
// follow in straight-line code are not reported, until a point where control
// may be back on the original executor (another co_await or co_yield, the
// end of the branch, block or loop that holds the switch, or the next
// iteration of a loop that suspends).
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- %asio_flags \
// RUN:   -isystem %S/Inputs/standins \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <asio.hpp>
#include <coro/coro.hpp>
#include <cppcoro/task.hpp>
#include <unistd.h>

cppcoro::task<> straightLine(cppcoro::static_thread_pool &Pool) {
  co_await Pool.schedule();
  sleep(1);
  usleep(2);
  co_return;
}

coro::task<> libcoroStyle(coro::thread_pool &Pool) {
  co_await Pool.schedule();
  sleep(1);
  co_return;
}

// asio::post(pool, use_awaitable) resumes the coroutine on its own executor
// (the completion's associated executor is the coroutine's), so the sleep
// after it stalls the io_context; a completion bound to the pool moves the
// coroutine there. test/integrations/asio-hops.test runs both.
asio::awaitable<void> asioPost(asio::thread_pool &Pool) {
  co_await asio::post(Pool, asio::use_awaitable);
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'asioPost'
  // CHECK-MESSAGES: :[[#POST:@LINE-4]]:23: note: coroutine 'asioPost' declared here
  // CHECK-MESSAGES: :[[@LINE-4]]:12: note: 'asio::post' with use_awaitable resumes on the coroutine's own executor, not on the pool: the completion's associated executor is the coroutine's; asio::post(asio::bind_executor(pool, asio::use_awaitable)) moves it
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: co_await the asio equivalent instead
  co_await asio::dispatch(Pool.get_executor(), asio::use_awaitable);
  sleep(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'asioPost'
  // CHECK-MESSAGES: :[[#POST]]:23: note: coroutine 'asioPost' declared here
  // CHECK-MESSAGES: :[[@LINE-10]]:12: note: 'asio::post' with use_awaitable resumes
  // CHECK-MESSAGES: :[[@LINE-5]]:12: note: 'asio::dispatch' with use_awaitable resumes
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: co_await the asio equivalent instead
  co_await asio::post(asio::bind_executor(Pool, asio::use_awaitable));
  sleep(3);
  // Back on the coroutine's own executor: asio resumes there after any other
  // awaited operation.
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
  sleep(4);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'asioPost'
  // CHECK-MESSAGES: :[[#POST]]:23: note: coroutine 'asioPost' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: co_await the asio equivalent instead
}

coro_tidy_standin_ready other();

cppcoro::task<> secondAwait(cppcoro::static_thread_pool &Pool) {
  co_await Pool.schedule();
  sleep(1);
  co_await other();
  sleep(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'secondAwait'
  // CHECK-MESSAGES: :[[@LINE-6]]:17: note: coroutine 'secondAwait' declared here
}

// A switch in one branch does not hold after the branch.
cppcoro::task<> branches(cppcoro::static_thread_pool &Pool, bool Heavy) {
  if (Heavy) {
    co_await Pool.schedule();
    sleep(1);
  }
  sleep(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'branches'
  // CHECK-MESSAGES: :[[@LINE-7]]:17: note: coroutine 'branches' declared here
  co_return;
}

// A switch before a branch holds inside it, unless the branch suspends again.
cppcoro::task<> switchThenBranch(cppcoro::static_thread_pool &Pool, bool Retry) {
  co_await Pool.schedule();
  if (Retry)
    sleep(1);
  else
    co_await other();
  sleep(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'switchThenBranch'
  // CHECK-MESSAGES: :[[@LINE-8]]:17: note: coroutine 'switchThenBranch' declared here
  co_return;
}

// Loops: a loop that suspends may start an iteration back on the original
// executor; one that does not stays on the pool.
cppcoro::task<> loops(cppcoro::static_thread_pool &Pool) {
  co_await Pool.schedule();
  for (int I = 0; I < 3; ++I)
    usleep(1);
  for (int I = 0; I < 3; ++I) {
    sleep(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'loops'
    // CHECK-MESSAGES: :[[@LINE-7]]:17: note: coroutine 'loops' declared here
    co_await other();
  }
  for (int I = 0; I < 3; ++I) {
    co_await Pool.schedule();
    sleep(2);
  }
  co_return;
}

// Without co_await nothing switches, and a discarded switch is a finding of
// its own.
cppcoro::task<> notAwaited(cppcoro::static_thread_pool &Pool) {
  cppcoro::resume_on(Pool);
  Pool.schedule();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: result of executor switch 'cppcoro::static_thread_pool::schedule' is discarded: coroutine 'notAwaited' stays on the thread running it; co_await the switch [coro-blocking-call]
  // CHECK-MESSAGES: :[[#DISCARD:@LINE-4]]:17: note: coroutine 'notAwaited' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:8: note: co_await the switch
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'notAwaited'
  // CHECK-MESSAGES: :[[#DISCARD]]:17: note: coroutine 'notAwaited' declared here
  co_return;
}
