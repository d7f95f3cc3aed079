// Scope guards (qScopeGuard, folly's SCOPE_EXIT and makeGuard, gsl::finally)
// run their callable when the scope ends, on the coroutine's thread: the
// blocking work inside is reported. A plain lambda stored for later is not.
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- %qcoro_flags \
// RUN:   -isystem %S/Inputs/standins -I %S/Inputs \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include "task.h"
#include <QScopeGuard>
#include <folly/ScopeGuard.h>
#include <functional>
#include <gsl/util>
#include <unistd.h>

task<> guards(int Fd) {
  auto Qt = qScopeGuard([&] { fsync(Fd); });
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: blocking call to 'fsync' (file-io) stalls the thread running coroutine 'guards'
  // CHECK-MESSAGES: :[[@LINE-3]]:8: note: coroutine 'guards' declared here
  SCOPE_EXIT { close(Fd); fsync(Fd); };
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: blocking call to 'fsync' (file-io)
  // CHECK-MESSAGES: :[[@LINE-6]]:8: note: coroutine 'guards' declared here
  auto Folly = folly::makeGuard([&] { sleep(1); });
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: blocking call to 'sleep' (sleep)
  // CHECK-MESSAGES: :[[@LINE-9]]:8: note: coroutine 'guards' declared here
  auto Gsl = gsl::finally([&] { usleep(10); });
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: blocking call to 'usleep' (sleep)
  // CHECK-MESSAGES: :[[@LINE-12]]:8: note: coroutine 'guards' declared here
  // A callback kept for another thread to run: not this coroutine's work.
  std::function<void()> Later = [&] { sleep(2); };
  co_await ready();
}
