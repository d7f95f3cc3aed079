// Broken code deep in a template: a constraint whose satisfaction depends on
// itself, reached from a coroutine. clang reports its errors and the tool
// exits 1, without a crash; the blocking calls clang can still see, before,
// beside and after the error, are reported.
// RUN: not %coro_tidy -checks='-*,coro-*' %s -- -std=c++20 -I %S/Inputs \
// RUN:   | FileCheck %s -implicit-check-not='warning:'

#include "task.h"
#include <unistd.h>

task<> before() {
  sleep(1);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'before'
  co_return;
}

namespace deep {
template <class T> concept Fooable = requires(T t) { foo(t); };
template <Fooable T> void foo(T) {}
// CHECK: :[[@LINE-1]]:11: error: satisfaction of constraint 'Fooable<T>' depends on itself [clang-diagnostic-error]
struct S {};
template <class T> struct Wrapper {
  static void run() { foo(T{}); }
  // CHECK: :[[@LINE-1]]:23: error: no matching function for call to 'foo' [clang-diagnostic-error]
};
} // namespace deep

task<> beside() {
  deep::Wrapper<deep::S>::run();
  usleep(2);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'usleep' (sleep) stalls the thread running coroutine 'beside'
  co_return;
}

task<> after() {
  sleep(3);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'after'
  co_return;
}
