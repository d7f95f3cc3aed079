// Blocking APIs of libraries Debian packages, against their real headers:
// cpp-httplib, libcurl's multi interface, ZeroMQ, hiredis, MariaDB
// Connector/C, glibc's gai_suspend, Boost.Process and flock. What cannot
// block (a zero timeout, ZMQ_DONTWAIT, LOCK_NB) stays quiet beside them.
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- -std=c++20 -I %S/Inputs \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include "task.h"
#include <boost/process.hpp>
#include <curl/curl.h>
#include <hiredis/hiredis.h>
#include <httplib.h>
#include <mariadb/mysql.h>
#include <netdb.h>
#include <sys/file.h>
#include <zmq.h>

task<> http(httplib::Client &Client, httplib::Server &Server) {
  auto Response = Client.Get("/health");
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: blocking call to 'httplib::Client::Get' (network)
  // CHECK-MESSAGES: :[[@LINE-3]]:8: note: coroutine 'http' declared here
  Server.listen("127.0.0.1", 8080);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: blocking call to 'httplib::Server::listen' (network) stalls the thread running coroutine 'http': the thread runs the server's accept loop until it stops; run the server on a thread of its own [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-6]]:8: note: coroutine 'http' declared here
  co_return;
}

task<> curlMulti(CURLM *Multi) {
  int Running = 0;
  curl_multi_poll(Multi, nullptr, 0, 1000, &Running);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'curl_multi_poll' (network)
  // CHECK-MESSAGES: :[[@LINE-4]]:8: note: coroutine 'curlMulti' declared here
  curl_multi_wait(Multi, nullptr, 0, 1000, &Running);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'curl_multi_wait' (network)
  // CHECK-MESSAGES: :[[@LINE-7]]:8: note: coroutine 'curlMulti' declared here
  // A zero timeout only looks.
  curl_multi_poll(Multi, nullptr, 0, 0, &Running);
  curl_multi_wait(Multi, nullptr, 0, 0, &Running);
  co_return;
}

task<> zeromq(void *Socket) {
  char Buffer[64];
  zmq_recv(Socket, Buffer, sizeof Buffer, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'zmq_recv' (network) stalls the thread running coroutine 'zeromq': the thread waits for a message; pass ZMQ_DONTWAIT and co_await readiness on the socket's ZMQ_FD instead [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-4]]:8: note: coroutine 'zeromq' declared here
  zmq_send(Socket, Buffer, 1, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'zmq_send' (network)
  // CHECK-MESSAGES: :[[@LINE-7]]:8: note: coroutine 'zeromq' declared here
  zmq_msg_t Message;
  zmq_msg_recv(&Message, Socket, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'zmq_msg_recv' (network)
  // CHECK-MESSAGES: :[[@LINE-11]]:8: note: coroutine 'zeromq' declared here
  // ZMQ_DONTWAIT returns at once.
  zmq_recv(Socket, Buffer, sizeof Buffer, ZMQ_DONTWAIT);
  zmq_send(Socket, Buffer, 1, ZMQ_DONTWAIT | ZMQ_SNDMORE);
  zmq_msg_recv(&Message, Socket, ZMQ_DONTWAIT);
  zmq_pollitem_t Items[1] = {{Socket, 0, ZMQ_POLLIN, 0}};
  zmq_poll(Items, 1, 0);
  co_return;
}

task<> redis(redisContext *Redis) {
  redisContext *Other = redisConnect("127.0.0.1", 6379);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: blocking call to 'redisConnect' (database)
  // CHECK-MESSAGES: :[[@LINE-3]]:8: note: coroutine 'redis' declared here
  void *Reply = redisCommand(Redis, "GET %s", "key");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: blocking call to 'redisCommand' (database)
  // CHECK-MESSAGES: :[[@LINE-6]]:8: note: coroutine 'redis' declared here
  (void)Other;
  (void)Reply;
  co_return;
}

task<> mysql(MYSQL *Db) {
  mysql_query(Db, "SELECT 1");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'mysql_query' (database)
  // CHECK-MESSAGES: :[[@LINE-3]]:8: note: coroutine 'mysql' declared here
  MYSQL_RES *Rows = mysql_store_result(Db);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: blocking call to 'mysql_store_result' (database)
  // CHECK-MESSAGES: :[[@LINE-6]]:8: note: coroutine 'mysql' declared here
  mysql_free_result(Rows);
  co_return;
}

task<> lookups(gaicb **Requests) {
  gai_suspend(Requests, 1, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'gai_suspend' (dns)
  // CHECK-MESSAGES: :[[@LINE-3]]:8: note: coroutine 'lookups' declared here
  co_return;
}

task<> processes() {
  boost::process::child Child("/bin/true");
  Child.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'boost::process::child::wait' (process)
  // CHECK-MESSAGES: :[[@LINE-4]]:8: note: coroutine 'processes' declared here
  boost::process::system("/bin/true");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'boost::process::system' (process)
  // CHECK-MESSAGES: :[[@LINE-7]]:8: note: coroutine 'processes' declared here
  co_return;
}

task<> locks(int Fd) {
  flock(Fd, LOCK_EX);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'flock' (file-io)
  // CHECK-MESSAGES: :[[@LINE-3]]:8: note: coroutine 'locks' declared here
  // LOCK_NB only tries.
  flock(Fd, LOCK_EX | LOCK_NB);
  co_return;
}
