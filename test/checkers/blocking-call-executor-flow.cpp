// The executor flow on the CFG: a call runs on the pool only when an awaited
// executor switch happened on every path to it with no suspension since.
// Every edge kind: if/else with and without braces, blocks, return and
// co_return, break, continue, goto, throw into a handler, switch
// fall-through and default, ?:, nested loops, if constexpr.
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- -std=c++20 \
// RUN:   -isystem %S/Inputs/standins \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <cppcoro/task.hpp>
#include <unistd.h>

using Pool = cppcoro::static_thread_pool;
coro_tidy_standin_ready other();
bool mayFail();

// The then-branch switches, the else-branch does not: the else-branch runs
// on the caller's thread, braces or not.
cppcoro::task<> unbracedBranches(Pool &P, bool C) {
  if (C)
    co_await P.schedule();
  else
    sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'unbracedBranches'
  // CHECK-MESSAGES: :[[@LINE-6]]:17: note: coroutine 'unbracedBranches' declared here
  if (C) {
    co_await P.schedule();
    sleep(2);
  } else {
    sleep(3);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'unbracedBranches'
    // CHECK-MESSAGES: :[[@LINE-13]]:17: note: coroutine 'unbracedBranches' declared here
  }
}

// Leaving a block does not undo a switch.
cppcoro::task<> blocks(Pool &P) {
  {
    co_await P.schedule();
  }
  sleep(1);
}

// Returns: the only path that reaches the call switched.
cppcoro::task<> returns(Pool &P, bool C) {
  if (C) {
    co_await P.schedule();
  } else {
    co_return;
  }
  sleep(1);
}

// break and continue: the only way out of each loop passes the switch.
cppcoro::task<> loopExits(Pool &P, int N) {
  while (true) {
    co_await P.schedule();
    break;
  }
  sleep(1);
  co_await other();
  for (int I = 0;; ++I) {
    if (I < N)
      continue;
    co_await P.schedule();
    break;
  }
  sleep(2);
  co_await other();
  // One iteration may skip the switch, and the loop may run none.
  for (int I = 0; I < N; ++I) {
    if (I)
      continue;
    co_await P.schedule();
  }
  sleep(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'loopExits'
  // CHECK-MESSAGES: :[[@LINE-23]]:17: note: coroutine 'loopExits' declared here
}

// goto.
cppcoro::task<> jumps(Pool &P, bool C) {
  if (C)
    goto slow;
  co_await P.schedule();
  goto done;
slow:
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'jumps'
  // CHECK-MESSAGES: :[[@LINE-8]]:17: note: coroutine 'jumps' declared here
  co_await P.schedule();
done:
  sleep(2);
}

// A throw reaches its handler from where it was thrown.
cppcoro::task<> handlers(Pool &P, bool C) {
  try {
    co_await P.schedule();
    if (C)
      throw 1;
  } catch (...) {
    sleep(1);
  }
  co_await other();
  try {
    if (C)
      throw 2;
    co_await P.schedule();
  } catch (...) {
    sleep(2);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'handlers'
    // CHECK-MESSAGES: :[[@LINE-16]]:17: note: coroutine 'handlers' declared here
  }
}

// A call of the try block that throws skips the rest of it: a switch after
// a call that can throw has not happened on that path; after a call that
// cannot, it has.
void cannotFail() noexcept;
cppcoro::task<> thrownBeforeSwitch(Pool &P) {
  try {
    mayFail();
    co_await P.schedule();
  } catch (...) {
  }
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'thrownBeforeSwitch'
  // CHECK-MESSAGES: :[[@LINE-8]]:17: note: coroutine 'thrownBeforeSwitch' declared here
  co_await other();
  try {
    cannotFail();
    co_await P.schedule();
  } catch (...) {
  }
  sleep(2);
}

// Switch statements: fall-through and default.
cppcoro::task<> cases(Pool &P, int K) {
  switch (K) {
  case 0:
    co_await P.schedule();
    [[fallthrough]];
  case 1:
    sleep(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'cases'
    // CHECK-MESSAGES: :[[@LINE-8]]:17: note: coroutine 'cases' declared here
    break;
  default:
    co_await P.schedule();
    sleep(2);
  }
}

// The conditional operator: only one side switches.
cppcoro::task<> conditional(Pool &P, bool C) {
  C ? co_await P.schedule() : co_await other();
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'conditional'
  // CHECK-MESSAGES: :[[@LINE-4]]:17: note: coroutine 'conditional' declared here
  C ? co_await P.schedule() : co_await P.schedule();
  sleep(2);
}

// Nested loops: a suspension deep inside takes the coroutine off the pool
// for every iteration after it, and for the code after the loops.
cppcoro::task<> nestedLoops(Pool &P, int N) {
  co_await P.schedule();
  for (int I = 0; I < N; ++I)
    for (int J = 0; J < N; ++J)
      for (int K = 0; K < N; ++K) {
        sleep(1);
        // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'nestedLoops'
        // CHECK-MESSAGES: :[[@LINE-7]]:17: note: coroutine 'nestedLoops' declared here
        if (K == 2)
          co_await other();
      }
  sleep(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'nestedLoops'
  // CHECK-MESSAGES: :[[@LINE-13]]:17: note: coroutine 'nestedLoops' declared here
}

// if constexpr: only the branch the instantiation keeps.
template <bool Heavy> cppcoro::task<> constexprBranch(Pool &P) {
  if constexpr (Heavy)
    co_await P.schedule();
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep) stalls the thread running coroutine 'constexprBranch'
  // CHECK-MESSAGES: :[[@LINE-5]]:39: note: coroutine 'constexprBranch' declared here
}
void instantiate(Pool &P) {
  constexprBranch<true>(P);
  constexprBranch<false>(P);
}

// A dependent switch is seen in the instantiation, where it resolves.
template <typename Scheduler> cppcoro::task<> dependent(Scheduler &S) {
  co_await S.schedule();
  sleep(1);
}
void instantiateDependent(Pool &P) { dependent(P); }
