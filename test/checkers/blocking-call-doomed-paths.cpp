// Blocking work on a path that ends the process (every path from it reaches
// std::exit, std::abort, std::terminate or a [[noreturn]] function) stalls
// nothing that goes on: a logger's fatal branch that prints a stack trace
// through popen() and exits, a failed check that sleeps before it aborts.
// Not reported, in the coroutine or in a helper it calls. A path that may
// return, and a loop without a way out, are.
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- -std=c++20 -I %S/Inputs \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include "task.h"
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <unistd.h>

[[noreturn]] void fatal(const char *Why);

void log(int Level, const char *Text) {
  if (Level > 3) {
    FILE *Trace = popen("addr2line", "r");
    pclose(Trace);
    std::exit(1);
  }
  std::puts(Text);
}

void check(bool Ok) {
  if (!Ok) {
    sleep(1);
    fatal("check failed");
  }
}

// Sleeps on the path that returns.
void flaky(bool Ok) {
  if (!Ok)
    sleep(1);
  else
    std::abort();
}

void forever() {
  for (;;)
    sleep(1);
}

task<> serve(bool Ok) {
  log(1, "serving");
  check(Ok);
  flaky(Ok);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'flaky' blocks: it reaches 'sleep' (sleep)
  // CHECK-MESSAGES: :[[@LINE-5]]:8: note: coroutine 'serve' declared here
  // CHECK-MESSAGES: :38:5: note: 'flaky' calls 'sleep' here
  if (!Ok) {
    usleep(5);
    std::terminate();
  }
  usleep(6);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'usleep' (sleep)
  // CHECK-MESSAGES: :[[@LINE-13]]:8: note: coroutine 'serve' declared here
  forever();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'forever' blocks: it reaches 'sleep' (sleep)
  // CHECK-MESSAGES: :[[@LINE-16]]:8: note: coroutine 'serve' declared here
  // CHECK-MESSAGES: :45:5: note: 'forever' calls 'sleep' here
  co_return;
}
