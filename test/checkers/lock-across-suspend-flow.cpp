// The may-hold lockset on the CFG: a lock is reported when it is held on
// some path to a suspension point. Every edge kind: if/else with and without
// braces, return and co_return, break, continue, goto, throw into a handler,
// switch fall-through and default, &&, ||, ?:, nested loops, if constexpr,
// and scope ends (a guard dies at its scope's end on every edge).
// RUN: %coro_tidy -checks='-*,coro-lock-across-suspend' %s -- -std=c++20 \
// RUN:   -I %S/Inputs \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include "task.h"
#include <mutex>

std::mutex M;
bool ready_now();

// Every path that reaches the co_await unlocked first.
task<> unlockOrReturn(bool C) {
  std::unique_lock L(M);
  if (C) {
    L.unlock();
  } else {
    co_return;
  }
  co_await ready();
}

// Case 1 holds the lock across its suspension; case 0 does not.
// CHECK-MESSAGES: :[[@LINE+2]]:20: warning: lock guard 'L' on 'M' is held across a suspension point of coroutine 'cases'
task<> cases(int K) {
  std::unique_lock L(M);
  switch (K) {
  case 0:
    L.unlock();
    break;
  case 1:
    co_await ready();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: suspension point is here
    break;
  }
}

// The only way out of the loop unlocks.
task<> loopUntilReady() {
  std::unique_lock L(M);
  while (true) {
    if (ready_now()) {
      L.unlock();
      break;
    }
  }
  co_await ready();
}

// Fall-through into a suspending case, and default.
// CHECK-MESSAGES: :[[@LINE+2]]:20: warning: lock guard 'L' on 'M' is held across a suspension point of coroutine 'fallThrough'
task<> fallThrough(int K) {
  std::unique_lock L(M);
  switch (K) {
  case 0:
    L.unlock();
    [[fallthrough]];
  case 1:
    co_await ready();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: suspension point is here
    break;
  default:
    L.unlock();
    co_await ready();
  }
}

// continue and break leave the guard's scope: it dies on both edges.
task<> loopScopes(int N) {
  for (int I = 0; I < N; ++I) {
    {
      std::lock_guard G(M);
      if (I % 2)
        continue;
      if (I > 5)
        break;
    }
    co_await ready();
  }
}

// goto out of the guard's scope runs its destructor.
task<> jumps(bool C) {
  {
    std::lock_guard G(M);
    if (C)
      goto out;
  }
  co_await ready();
out:
  co_await ready();
}

// A throw leaves the try block's guards behind.
task<> handlers(bool C) {
  try {
    std::lock_guard G(M);
    if (C)
      throw 1;
  } catch (...) {
  }
  co_await ready();
}

// &&, || and ?: decide by path; a failed try_lock holds nothing.
task<> shortCircuit(bool C) {
  if (M.try_lock())
    M.unlock();
  co_await ready();
  {
    std::unique_lock L(M);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: lock guard 'L' on 'M' is held across a suspension point of coroutine 'shortCircuit'
    C ? L.unlock() : void();
    co_await ready();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: suspension point is here
    L.unlock();
    C || (L.lock(), true);
  }
  if (C && M.try_lock()) {
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: mutex 'M' is held across a suspension point of coroutine 'shortCircuit'
    co_await ready();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: suspension point is here
    M.unlock();
  }
}

// A failed try_lock under '&&' or '||', compared with a constant, or kept in
// a local holds nothing on its failure edge (as clang's thread-safety
// analysis reads conditions); the success edge still holds it.
task<> tryLockConditions(bool C) {
  if (C && M.try_lock()) {
    M.unlock();
  } else {
    co_await ready();
  }
  if (C || M.try_lock()) {
    co_await ready();
    M.unlock();
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:14: warning: mutex 'M' is held across a suspension point of coroutine 'tryLockConditions'
  // CHECK-MESSAGES: :[[@LINE-4]]:5: note: suspension point is here
  if (M.try_lock() == false)
    co_await ready();
  else
    M.unlock();
  if (!(true != M.try_lock()))
    M.unlock();
  else
    co_await ready();
  bool Locked = M.try_lock();
  if (!Locked)
    co_await ready();
  else
    M.unlock();
  bool Again = M.try_lock();
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: mutex 'M' is held across a suspension point of coroutine 'tryLockConditions'
  Again = ready_now();
  if (!Again)
    co_await ready();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: suspension point is here
}

// A handler runs after any call of its try block that throws: a mutex
// locked there and not yet unlocked is still held after the handler.
void mayThrow();
task<> lockedWhenThrown() {
  try {
    M.lock();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: mutex 'M' is held across a suspension point of coroutine 'lockedWhenThrown'
    mayThrow();
    M.unlock();
  } catch (...) {
  }
  co_await ready();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: suspension point is here
}
std::mutex Other;
task<> unlockedWhenThrown() {
  try {
    Other.lock();
    Other.unlock();
    mayThrow();
  } catch (...) {
  }
  co_await ready();
}

// Braces or not, both branches unlock.
task<> unbraced(bool C) {
  std::unique_lock L(M);
  if (C)
    L.unlock();
  else
    L.unlock();
  co_await ready();
}

// Loops nested three deep, relocking in the innermost: held across the
// outer suspension from the second iteration on.
task<> nested(int N) {
  std::unique_lock L(M, std::defer_lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: lock guard 'L' on 'M' is held across a suspension point of coroutine 'nested'
  for (int I = 0; I < N; ++I) {
    co_await ready();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: suspension point is here
    for (int J = 0; J < N; ++J)
      for (int K = 0; K < N; ++K)
        if (K == J)
          L.lock();
  }
}

// ... unless the loop lets go of what it took, whichever way owns_lock()
// answers.
task<> nestedReleased(int N) {
  std::unique_lock L(M, std::defer_lock);
  for (int I = 0; I < N; ++I) {
    co_await ready();
    for (int J = 0; J < N; ++J)
      if (J == I)
        L.lock();
    if (L.owns_lock())
      L.unlock();
  }
}

// if constexpr: only the branch the instantiation keeps.
// CHECK-MESSAGES: :[[@LINE+2]]:20: warning: lock guard 'L' on 'M' is held across a suspension point of coroutine 'constexprBranch'
template <bool Unlock> task<> constexprBranch() {
  std::unique_lock L(M);
  if constexpr (Unlock)
    L.unlock();
  co_await ready();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: suspension point is here
}
void instantiate() {
  constexprBranch<true>();
  constexprBranch<false>();
}
