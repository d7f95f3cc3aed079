// The options of coro-blocking-call: AllowedFunctions, Categories (with
// the opt-in category mutex), UseDefaultCatalog, and NOLINT.
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- -std=c++20 -I %S/Inputs \
// RUN:   | FileCheck %s -check-prefixes=CHECK-MESSAGES,CHECK-USLEEP \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s \
// RUN:   -config="{CheckOptions: {coro-blocking-call.Categories: '*,mutex'}}" \
// RUN:   -- -std=c++20 -I %S/Inputs \
// RUN:   | FileCheck %s -check-prefixes=CHECK-MESSAGES,CHECK-USLEEP,CHECK-LOCK \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s \
// RUN:   -config="{CheckOptions: {coro-blocking-call.Categories: '*,mutex', coro-blocking-call.AllowedFunctions: '::usleep; std::mutex::lock'}}" \
// RUN:   -- -std=c++20 -I %S/Inputs \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s \
// RUN:   -config="{CheckOptions: {coro-blocking-call.Categories: '*,mu*'}}" \
// RUN:   -- -std=c++20 -I %S/Inputs \
// RUN:   | FileCheck %s -check-prefixes=CHECK-MESSAGES,CHECK-USLEEP \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s \
// RUN:   -config="{CheckOptions: {coro-blocking-call.Categories: 'file-io'}}" \
// RUN:   -- -std=c++20 -I %S/Inputs \
// RUN:   | FileCheck %s -check-prefix=CHECK-FILEIO --allow-empty \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s \
// RUN:   -config="{CheckOptions: {coro-blocking-call.UseDefaultCatalog: false}}" \
// RUN:   -- -std=c++20 -I %S/Inputs \
// RUN:   | FileCheck %s -check-prefix=CHECK-NONE --allow-empty \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: not %coro_tidy -checks='-*,coro-blocking-call' %s \
// RUN:   -warnings-as-errors='coro-*' -- -std=c++20 -I %S/Inputs \
// RUN:   | FileCheck %s -check-prefix=CHECK-WERROR

#include "task.h"
#include <mutex>
#include <unistd.h>

// CHECK-FILEIO-NOT: warning:
// CHECK-NONE-NOT: warning:

// CHECK-MESSAGES: :[[@LINE+4]]:3: warning: blocking call to 'sleep' (sleep)
// CHECK-MESSAGES: :[[#OPTS:@LINE+2]]:8: note: coroutine 'options' declared here
// CHECK-WERROR: :[[@LINE+2]]:3: error: blocking call to 'sleep' (sleep) {{.*}} [coro-blocking-call,-warnings-as-errors]
task<> options(std::mutex &M) {
  sleep(1);
  usleep(1);
  // CHECK-USLEEP: :[[@LINE-1]]:3: warning: blocking call to 'usleep' (sleep)
  // CHECK-USLEEP: :[[#OPTS]]:8: note: coroutine 'options' declared here
  M.lock();
  // CHECK-LOCK: :[[@LINE-1]]:5: warning: blocking call to 'std::mutex::lock' (mutex)
  // CHECK-LOCK: :[[#OPTS]]:8: note: coroutine 'options' declared here
  M.unlock();
  sleep(2); // NOLINT(coro-blocking-call)
  // NOLINTNEXTLINE(coro-*)
  sleep(3);
  co_return;
}
