// Qt's own blocking APIs in a QCoro task, with QCoro's awaitable forms, and
// CPU-bound work, which blocks the event loop as surely as I/O.
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- %qcoro_flags \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/fixed.cpp
// RUN: %coro_tidy -checks='-*,coro-blocking-call' --fix-notes %t/fixed.cpp -- %qcoro_flags > %t/out.txt 2>&1
// RUN: FileCheck %s -check-prefix=CHECK-FIXES < %t/fixed.cpp
// RUN: %clangxx -fsyntax-only %qcoro_flags %t/fixed.cpp
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s \
// RUN:   -config="{CheckOptions: {coro-blocking-call.Categories: '*,bulk-cpu'}}" \
// RUN:   -- %qcoro_flags | FileCheck %s -check-prefix=BULK

#include <QCoroAbstractSocket>
#include <QCoroFuture>
#include <QCoroTask>
#include <QCoroTimer>
#include <QFile>
#include <QFuture>
#include <QMutex>
#include <QHostInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <chrono>
#include <cstddef>

// zlib's and OpenSSL's declarations, as their headers have them.
extern "C" int compress(unsigned char *Dest, unsigned long *DestLen,
                        const unsigned char *Source, unsigned long SourceLen);
extern "C" int PKCS5_PBKDF2_HMAC(const char *Pass, int PassLen,
                                 const unsigned char *Salt, int SaltLen,
                                 int Iter, const void *Digest, int KeyLen,
                                 unsigned char *Out);

QMutex Mutex;

// CHECK-MESSAGES: :[[@LINE+5]]:3: warning: blocking call to 'QThread::msleep' (sleep) stalls the thread running coroutine 'poll': the thread sleeps for the whole delay; co_await QCoro::sleepFor instead (QCoroTimer) [coro-blocking-call]
// CHECK-MESSAGES: :[[#POLL:@LINE+3]]:19: note: coroutine 'poll' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:3: note: co_await the qcoro equivalent instead
// CHECK-FIXES: {{^}}  co_await QCoro::sleepFor(std::chrono::milliseconds(250));{{$}}
QCoro::Task<void> poll(QTcpSocket &Socket, QFuture<int> Pending) {
  QThread::msleep(250);
  Socket.waitForReadyRead(3000);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: blocking call to 'QAbstractSocket::waitForReadyRead' (network) stalls the thread running coroutine 'poll': the thread waits for the device; co_await qCoro(device).waitForReadyRead() instead [coro-blocking-call]
  // CHECK-MESSAGES: :[[#POLL]]:19: note: coroutine 'poll' declared here
  // A zero timeout only looks.
  Socket.waitForReadyRead(0);
  // A short critical section: not reported.
  Mutex.lock();
  Mutex.unlock();
  int Value = Pending.result();
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: blocking call to 'QFuture::result' (sync-primitive) stalls the thread running coroutine 'poll': the thread waits until the result is ready; co_await the QFuture instead (QCoroFuture) [coro-blocking-call]
  // CHECK-MESSAGES: :[[#POLL]]:19: note: coroutine 'poll' declared here
  QFile Config("app.ini");
  if (Config.open(QIODevice::ReadOnly)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: blocking call to 'QFile::open' (file-io)
    // CHECK-MESSAGES: :[[#POLL]]:19: note: coroutine 'poll' declared here
    QByteArray Text = Config.readAll();
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: blocking call to 'QFile::readAll' (file-io)
    // CHECK-MESSAGES: :[[#POLL]]:19: note: coroutine 'poll' declared here
  }
  (void)Value;
  // The QCoro way.
  co_await QCoro::sleepFor(std::chrono::milliseconds(250));
  co_await qCoro(Socket).waitForReadyRead(std::chrono::milliseconds(3000));
  Value = co_await Pending;
}

QCoro::Task<void> crunch(unsigned char *Out, unsigned long *OutLen,
                         const unsigned char *In, unsigned long InLen) {
  // Compressing a buffer costs in proportion to its length: bulk-cpu, an
  // opt-in category.
  compress(Out, OutLen, In, InLen);
  // BULK: :[[@LINE-1]]:3: warning: blocking call to 'compress' (bulk-cpu) stalls the thread running coroutine 'crunch': compressing a buffer keeps the thread busy for its whole length; co_await QtConcurrent::run(work) on the CPU-sized global thread pool (QCoroFuture) [coro-blocking-call]
  unsigned char Key[32];
  PKCS5_PBKDF2_HMAC("pw", 2, In, 16, 600000, nullptr, 32, Key);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'PKCS5_PBKDF2_HMAC' (cpu) stalls the thread running coroutine 'crunch': key derivation and key generation are slow on purpose; co_await QtConcurrent::run(work) on the CPU-sized global thread pool (QCoroFuture) [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-9]]:19: note: coroutine 'crunch' declared here
  // BULK: :[[@LINE-3]]:3: warning: blocking call to 'PKCS5_PBKDF2_HMAC' (cpu)
  co_return;
}

// Servers, processes, host lookups and SQL. waitForNewConnection's default
// timeout is zero: without one it only looks.
QCoro::Task<void> services(QTcpServer &Server, QSqlDatabase &Db) {
  Server.waitForNewConnection(1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: blocking call to 'QTcpServer::waitForNewConnection' (network) stalls the thread running coroutine 'services': the thread waits for a client to connect; co_await qCoro(server).waitForNewConnection() instead [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: coroutine 'services' declared here
  Server.waitForNewConnection();
  QProcess::execute(QStringLiteral("true"));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'QProcess::execute' (process)
  // CHECK-MESSAGES: :[[@LINE-7]]:19: note: coroutine 'services' declared here
  QHostInfo Info = QHostInfo::fromName(QStringLiteral("example.org"));
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: blocking call to 'QHostInfo::fromName' (dns)
  // CHECK-MESSAGES: :[[@LINE-10]]:19: note: coroutine 'services' declared here
  if (Db.open()) {
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: blocking call to 'QSqlDatabase::open' (database)
    // CHECK-MESSAGES: :[[@LINE-13]]:19: note: coroutine 'services' declared here
    QSqlQuery Query(Db);
    Query.exec(QStringLiteral("SELECT 1"));
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking call to 'QSqlQuery::exec' (database)
    // CHECK-MESSAGES: :[[@LINE-17]]:19: note: coroutine 'services' declared here
  }
  (void)Info;
  co_return;
}
