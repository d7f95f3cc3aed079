// coro-lock-across-suspend and coro-sync-wait on real QCoro code.
// RUN: %coro_tidy -checks='-*,coro-lock-across-suspend,coro-sync-wait' %s -- \
// RUN:   %qcoro_flags | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/fixed.cpp
// RUN: %coro_tidy -checks='-*,coro-sync-wait' --fix-notes %t/fixed.cpp -- %qcoro_flags > %t/out.txt 2>&1
// RUN: FileCheck %s -check-prefix=CHECK-FIXES < %t/fixed.cpp
// RUN: %clangxx -fsyntax-only %qcoro_flags %t/fixed.cpp

#include <QCoroTask>
#include <QCoroTimer>
#include <QMutex>
#include <QMutexLocker>
#include <chrono>

QMutex CacheMutex;

QCoro::Task<int> compute();

QCoro::Task<int> cached() {
  QMutexLocker Locker(&CacheMutex);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: lock guard 'Locker' on 'CacheMutex' is held across a suspension point of coroutine 'cached': {{.*}}; release the lock before co_await, or keep the data on the Qt thread that owns it [coro-lock-across-suspend]
  co_await QCoro::sleepFor(std::chrono::milliseconds(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: suspension point is here
  Locker.unlock();
  int Value = QCoro::waitFor(compute());
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: synchronous wait 'QCoro::waitFor' inside coroutine 'cached'
  // CHECK-MESSAGES: :[[@LINE-8]]:18: note: coroutine 'cached' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: co_await the awaitable instead
  // CHECK-FIXES: {{^}}  int Value = (co_await compute());{{$}}
  co_return Value;
}
