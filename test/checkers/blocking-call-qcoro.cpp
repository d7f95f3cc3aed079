// QCoro tasks (qcoro-qt6-dev) on a Qt event loop: a blocking call freezes
// the GUI or server thread; QCoro's awaitables do not.
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- %qcoro_flags \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/fixed.cpp
// RUN: %coro_tidy -checks='-*,coro-blocking-call' --fix-notes %t/fixed.cpp -- %qcoro_flags > %t/out.txt 2>&1
// RUN: FileCheck %s -check-prefix=CHECK-FIXES < %t/fixed.cpp
// RUN: %clangxx -fsyntax-only %qcoro_flags %t/fixed.cpp

#include <QCoroNetworkReply>
#include <QCoroTask>
#include <QCoroTcpServer>
#include <QCoroTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTcpSocket>
#include <chrono>
#include <curl/curl.h>
#include <fstream>
#include <thread>

using namespace std::chrono_literals;

// CHECK-MESSAGES: :[[@LINE+4]]:3: warning: blocking call to 'std::this_thread::sleep_for' (sleep) stalls the thread running coroutine 'refresh': the thread sleeps for the whole delay; co_await QCoro::sleepFor (QCoroTimer) instead [coro-blocking-call]
// CHECK-MESSAGES: :[[#REFRESH:@LINE+2]]:25: note: coroutine 'refresh' declared here
// CHECK-MESSAGES: :[[@LINE+2]]:3: note: co_await the qcoro equivalent instead
QCoro::Task<QByteArray> refresh(QNetworkAccessManager &Network, CURL *Curl) {
  std::this_thread::sleep_for(1s);
  // CHECK-FIXES: {{^}}  co_await QCoro::sleepFor(1s);{{$}}
  curl_easy_perform(Curl);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'curl_easy_perform' (network) stalls the thread running coroutine 'refresh'
  // CHECK-MESSAGES: :[[#REFRESH]]:25: note: coroutine 'refresh' declared here
  std::ofstream Cache("cache.bin");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: blocking construction of 'std::basic_ofstream' (file-io) stalls the thread running coroutine 'refresh': opening the file waits for the disk; co_await QtConcurrent::run(work) (QCoroFuture) to run it on the global thread pool [coro-blocking-call]
  // CHECK-MESSAGES: :[[#REFRESH]]:25: note: coroutine 'refresh' declared here
  // The QCoro way: await the timer and the reply.
  co_await QCoro::sleepFor(1s);
  QNetworkReply *Reply = co_await Network.get(QNetworkRequest(QUrl("http://localhost/")));
  const QByteArray Body = Reply->readAll();
  Reply->deleteLater();
  co_return Body;
}

// A socket that came out of an await is connected, not readable: waiting
// for its data still blocks.
QCoro::Task<QByteArray> firstRequest(QTcpServer &Server) {
  QTcpSocket *Connection = co_await qCoro(Server).waitForNewConnection(10s);
  Connection->waitForReadyRead();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: blocking call to 'QAbstractSocket::waitForReadyRead' (network) stalls the thread running coroutine 'firstRequest': the thread waits for the device; co_await qCoro(device).waitForReadyRead() instead [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-4]]:25: note: coroutine 'firstRequest' declared here
  co_return Connection->readAll();
}

// An ordinary slot doing the same is not a coroutine.
QByteArray refreshBlocking(CURL *Curl) {
  std::this_thread::sleep_for(1s);
  curl_easy_perform(Curl);
  return {};
}
