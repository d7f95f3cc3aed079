// Everything misc-coroutine-hostile-raii reports about locks on this input
// is reported by coro-lock-across-suspend too, at the same place.
// RUN: %coro_tidy -checks='-*,misc-coroutine-hostile-raii' %s -- -std=c++20 -I %S/Inputs > %t.upstream
// RUN: %coro_tidy -checks='-*,coro-lock-across-suspend' %s -- -std=c++20 -I %S/Inputs > %t.ours
// RUN: %python %S/Inputs/same-lock-findings.py %t.upstream %t.ours | FileCheck %s -check-prefix=SAME
// SAME: 4 of 4 upstream lock findings also reported
// RUN: FileCheck %s -check-prefix=OURS -implicit-check-not='warning:' < %t.ours

#include "task.h"
#include <mutex>

std::mutex M;

class __attribute__((capability("mutex"))) AnnotatedMutex {};
class __attribute__((scoped_lockable)) AnnotatedGuard {
public:
  explicit AnnotatedGuard(AnnotatedMutex &Mu) __attribute__((acquire_capability(Mu)));
  ~AnnotatedGuard() __attribute__((release_capability()));
};
AnnotatedMutex AM;

task<> upstreamCases(bool Flag) {
  std::lock_guard<std::mutex> Guard(M);
  // OURS: :[[@LINE-1]]:31: warning: lock guard 'Guard' on 'M' is held
  std::scoped_lock Scoped(M);
  // OURS: :[[@LINE-1]]:20: warning: lock guard 'Scoped' on 'M' is held
  AnnotatedGuard Annotated(AM);
  // OURS: :[[@LINE-1]]:18: warning: lock guard 'Annotated' on 'AM' is held
  co_await ready();
  if (Flag) {
    std::lock_guard<std::mutex> Inner(M);
    // OURS: :[[@LINE-1]]:33: warning: lock guard 'Inner' on 'M' is held
    co_await ready();
  }
}

// A guard whose scope ended: neither reports.
task<> scopeEnded() {
  {
    std::lock_guard<std::mutex> Guard(M);
  }
  co_await ready();
}
