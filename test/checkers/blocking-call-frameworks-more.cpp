// async_simple (yalantinglibs' Lazy), concurrencpp, DPP and drogon: advice in
// their own terms, their sync waits (coro-sync-wait), their executor
// switches, and concurrencpp's executor-tag launch. Stand-ins in
// Inputs/standins, true to the real APIs.
// RUN: %coro_tidy -checks='-*,coro-blocking-call,coro-sync-wait' %s -- \
// RUN:   -std=c++20 -isystem %S/Inputs/standins \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: cp %s %t.cpp
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %t.cpp --fix-notes -- \
// RUN:   -std=c++20 -isystem %S/Inputs/standins > %t.out 2>&1
// RUN: FileCheck %s -check-prefix=CHECK-FIXES < %t.cpp
// RUN: %clangxx -fsyntax-only -std=c++20 -isystem %S/Inputs/standins %t.cpp

#include <async_simple/coro/Lazy.h>
#include <chrono>
#include <concurrencpp/concurrencpp.h>
#include <dpp/dpp.h>
#include <drogon/utils/coroutine.h>
#include <memory>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

async_simple::coro::Lazy<int> lazyHandler(async_simple::Executor *Blocking) {
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::this_thread::sleep_for' (sleep) stalls the thread running coroutine 'lazyHandler': the thread sleeps for the whole delay; co_await async_simple::coro::sleep instead [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-3]]:31: note: coroutine 'lazyHandler' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: co_await the async-simple equivalent instead
  // CHECK-FIXES: {{^}}  co_await async_simple::coro::sleep(10ms);{{$}}
  int Value = async_simple::coro::syncAwait(async_simple::coro::Lazy<int>());
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: synchronous wait 'async_simple::coro::syncAwait' inside coroutine 'lazyHandler'
  // CHECK-MESSAGES: :[[@LINE-8]]:31: note: coroutine 'lazyHandler' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: co_await the awaitable instead
  // async_simple's dispatch moves the coroutine to the executor it names.
  co_await async_simple::coro::dispatch(Blocking);
  sleep(1);
  co_return Value;
}

concurrencpp::result<void>
concurrencppHandler(std::shared_ptr<concurrencpp::thread_pool_executor> Background,
                    concurrencpp::result<int> Pending) {
  int Value = Pending.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: synchronous wait 'concurrencpp::result::get' inside coroutine 'concurrencppHandler'
  // CHECK-MESSAGES: :[[@LINE-4]]:1: note: coroutine 'concurrencppHandler' declared here
  (void)Pending.wait_for(0ms);
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'concurrencppHandler': the thread sleeps for the whole delay; co_await a delay object instead (runtime.timer_queue()->make_delay_object(delay, executor)) [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-8]]:1: note: coroutine 'concurrencppHandler' declared here
  // A switch whose result is discarded moves nothing.
  concurrencpp::resume_on(Background);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: result of executor switch 'concurrencpp::resume_on' is discarded: coroutine 'concurrencppHandler' stays on the thread running it; co_await the switch [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-12]]:1: note: coroutine 'concurrencppHandler' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: co_await the switch
  // CHECK-FIXES: {{^}}  co_await concurrencpp::resume_on(Background);{{$}}
  co_await concurrencpp::resume_on(Background);
  sleep(2);
  (void)Value;
}

// An executor-tag launch starts the coroutine on the executor its caller
// chose for it.
concurrencpp::result<void>
onChosenExecutor(concurrencpp::executor_tag,
                 std::shared_ptr<concurrencpp::thread_executor> Executor) {
  sleep(1);
  co_return;
}

dpp::task<void> dppCommand(dpp::cluster &Bot, dpp::promise<int> &Reply) {
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'dppCommand': the thread sleeps for the whole delay; co_await cluster.co_sleep(seconds) instead [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-3]]:17: note: coroutine 'dppCommand' declared here
  int Value = Reply.get_awaitable().sync_wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: synchronous wait 'dpp::basic_awaitable::sync_wait' inside coroutine 'dppCommand'
  // CHECK-MESSAGES: :[[@LINE-6]]:17: note: coroutine 'dppCommand' declared here
  (void)Reply.get_awaitable().sync_wait_for(5s);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: synchronous wait 'dpp::basic_awaitable::sync_wait_for' inside coroutine 'dppCommand'
  // CHECK-MESSAGES: :[[@LINE-9]]:17: note: coroutine 'dppCommand' declared here
  co_await Bot.co_sleep(1);
  co_return;
  (void)Value;
}

// A promise given its value (or exception) before the wait on its awaitable:
// the wait returns at once. Set in a branch, or only after, it may not be.
dpp::task<void> dppFulfilled(bool Ready) {
  {
    dpp::promise<int> Answer;
    Answer.set_value(42);
    (void)Answer.get_awaitable().sync_wait();
    if (int Value = Answer.get_awaitable().sync_wait(); Value != 42)
      co_return;
  }
  {
    dpp::basic_promise<int> Answer;
    dpp::awaitable<int> Pending;
    Pending = Answer.get_awaitable();
    Answer.set_exception(std::make_exception_ptr(7));
    (void)Pending.sync_wait_for(5s);
  }
  {
    dpp::promise<int> Answer;
    if (Ready)
      Answer.set_value(42);
    (void)Answer.get_awaitable().sync_wait();
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: synchronous wait 'dpp::basic_awaitable::sync_wait' inside coroutine 'dppFulfilled'
    // CHECK-MESSAGES: :[[@LINE-21]]:17: note: coroutine 'dppFulfilled' declared here
  }
  {
    dpp::promise<int> Answer, Other;
    Other.set_value(1);
    dpp::awaitable<int> Pending{Answer.get_awaitable()};
    (void)Pending.sync_wait_until(std::chrono::steady_clock::now() + 1s);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: synchronous wait 'dpp::basic_awaitable::sync_wait_until' inside coroutine 'dppFulfilled'
    // CHECK-MESSAGES: :[[@LINE-29]]:17: note: coroutine 'dppFulfilled' declared here
    Answer.set_value(2);
  }
  co_return;
}

dpp::job dppJob() {
  usleep(10);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'usleep' (sleep) stalls the thread running coroutine 'dppJob'
  // CHECK-MESSAGES: :[[@LINE-3]]:10: note: coroutine 'dppJob' declared here
  co_return;
}

drogon::Task<> drogonHandler(trantor::EventLoop *Worker) {
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'drogonHandler': the thread sleeps for the whole delay; co_await drogon::sleepCoro(loop, delay) instead [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-3]]:16: note: coroutine 'drogonHandler' declared here
  drogon::sync_wait(drogon::Task<>());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous wait 'drogon::sync_wait' inside coroutine 'drogonHandler'
  // CHECK-MESSAGES: :[[@LINE-6]]:16: note: coroutine 'drogonHandler' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: co_await the awaitable instead
  co_await drogon::switchThreadCoro(Worker);
  sleep(2);
}

// Waits through helpers: a helper's wait on a result it was handed depends
// on whether the caller's result is ready, which only the caller knows; a
// lambda's wait on a result the coroutine already awaited returns at once.
template <typename T> T valueOf(concurrencpp::result<T> &R) { return R.get(); }
concurrencpp::result<int> throughHelpers(concurrencpp::result<int> Pending) {
  co_await Pending;
  auto Check = [&] { return Pending.get(); };
  int Value = valueOf(Pending) + Check();
  co_return Value;
}

// A discarded switch after a real one: still a mistake, the code after it
// meant to run elsewhere (concurrencpp's own example 4 does this).
concurrencpp::result<void>
discardedOnPool(std::shared_ptr<concurrencpp::thread_pool_executor> Cpu,
                std::shared_ptr<concurrencpp::thread_pool_executor> Background) {
  co_await concurrencpp::resume_on(Cpu);
  concurrencpp::resume_on(Background);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: result of executor switch 'concurrencpp::resume_on' is discarded: coroutine 'discardedOnPool' stays on the thread running it; co_await the switch [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-5]]:1: note: coroutine 'discardedOnPool' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: co_await the switch
  // CHECK-FIXES: {{^}}  co_await concurrencpp::resume_on(Background);{{$}}
  sleep(1);
}
