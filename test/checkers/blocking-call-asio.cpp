// Standalone asio (libasio-dev): the synchronous operations block, their
// async_ twins awaited with use_awaitable do not.
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- %asio_flags \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// The fix on the note rewrites the sleep into an asio timer; the result
// compiles.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/fixed.cpp
// RUN: %coro_tidy -checks='-*,coro-blocking-call' --fix-notes %t/fixed.cpp -- %asio_flags > %t/out.txt 2>&1
// RUN: FileCheck %s -check-prefix=CHECK-FIXES < %t/fixed.cpp
// RUN: %clangxx -fsyntax-only %asio_flags %t/fixed.cpp

#include <asio.hpp>
#include <chrono>
#include <thread>

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;
using namespace std::chrono_literals;

// CHECK-MESSAGES: :[[@LINE+4]]:3: warning: blocking call to 'std::this_thread::sleep_for' (sleep) stalls the thread running coroutine 'session': the thread sleeps for the whole delay; co_await an asio::steady_timer's async_wait(asio::use_awaitable) instead [coro-blocking-call]
// CHECK-MESSAGES: :[[#SESSION:@LINE+2]]:17: note: coroutine 'session' declared here
// CHECK-MESSAGES: :[[@LINE+2]]:3: note: co_await the asio equivalent instead
awaitable<void> session(tcp::socket Socket) {
  std::this_thread::sleep_for(100ms);
  // CHECK-FIXES: {{^}}  co_await asio::steady_timer(co_await asio::this_coro::executor, 100ms).async_wait(asio::use_awaitable);{{$}}
  char Data[1024];
  std::size_t N = Socket.read_some(asio::buffer(Data));
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: blocking call to 'asio::basic_stream_socket::read_some' (network) stalls the thread running coroutine 'session': the thread waits for the peer; co_await the asynchronous twin instead (async_read_some with asio::use_awaitable) [coro-blocking-call]
  // CHECK-MESSAGES: :[[#SESSION]]:17: note: coroutine 'session' declared here
  asio::write(Socket, asio::buffer(Data, N));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'asio::write' (network) stalls the thread running coroutine 'session': the thread waits for the peer; co_await the asynchronous twin instead (asio::async_write with asio::use_awaitable) [coro-blocking-call]
  // CHECK-MESSAGES: :[[#SESSION]]:17: note: coroutine 'session' declared here
  asio::steady_timer Timer(Socket.get_executor());
  Timer.expires_after(10ms);
  // The correct async forms stay silent.
  N = co_await Socket.async_read_some(asio::buffer(Data), use_awaitable);
  co_await asio::async_write(Socket, asio::buffer(Data, N), use_awaitable);
  co_await Timer.async_wait(use_awaitable);
}

// CHECK-MESSAGES: :[[@LINE+4]]:29: warning: blocking call to 'asio::ip::basic_resolver::resolve' (dns) stalls the thread running coroutine 'connect': the thread waits for the DNS server; co_await the asynchronous twin instead (async_resolve with asio::use_awaitable) [coro-blocking-call]
// CHECK-MESSAGES: :[[#CONNECT:@LINE+2]]:17: note: coroutine 'connect' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:3: warning: blocking call to 'asio::connect' (network)
awaitable<void> connect(tcp::resolver &Resolver, tcp::socket &Socket) {
  auto Endpoints = Resolver.resolve("localhost", "7");
  asio::connect(Socket, Endpoints);
  // CHECK-MESSAGES: :[[#CONNECT]]:17: note: coroutine 'connect' declared here
  auto Async = co_await Resolver.async_resolve("localhost", "7", use_awaitable);
  co_await asio::async_connect(Socket, Async, use_awaitable);
}

// CHECK-MESSAGES: :[[@LINE+3]]:32: warning: blocking call to 'asio::basic_socket_acceptor::accept' (network)
// CHECK-MESSAGES: :[[@LINE+1]]:17: note: coroutine 'listener' declared here
awaitable<void> listener(tcp::acceptor Acceptor) {
  tcp::socket First = Acceptor.accept();
  for (;;) {
    tcp::socket Next = co_await Acceptor.async_accept(use_awaitable);
    asio::co_spawn(Next.get_executor(), session(std::move(Next)),
                   asio::detached);
  }
}

// A socket handed to an await or made by one is not thereby readable: a
// synchronous read after it still waits for the peer.
awaitable<void> readsAfterAwaits(tcp::acceptor &Acceptor, tcp::socket &Peer) {
  char Data[16];
  co_await asio::async_write(Peer, asio::buffer(Data), use_awaitable);
  Peer.read_some(asio::buffer(Data));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: blocking call to 'asio::basic_stream_socket::read_some' (network) stalls the thread running coroutine 'readsAfterAwaits'
  // CHECK-MESSAGES: :[[@LINE-5]]:17: note: coroutine 'readsAfterAwaits' declared here
  tcp::socket Accepted = co_await Acceptor.async_accept(use_awaitable);
  Accepted.read_some(asio::buffer(Data));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: blocking call to 'asio::basic_stream_socket::read_some' (network) stalls the thread running coroutine 'readsAfterAwaits'
  // CHECK-MESSAGES: :[[@LINE-9]]:17: note: coroutine 'readsAfterAwaits' declared here
}

// Connecting a datagram socket only records its peer (test/integrations/
// udp-connect.test); connecting a stream socket waits for the handshake.
awaitable<void> connectsSockets(asio::ip::udp::socket &Datagrams,
                                tcp::socket &Stream) {
  Datagrams.connect(
      asio::ip::udp::endpoint(asio::ip::make_address("127.0.0.1"), 53));
  Stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), 80));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: blocking call to 'asio::basic_socket::connect' (network) stalls the thread running coroutine 'connectsSockets'
  // CHECK-MESSAGES: :[[@LINE-6]]:17: note: coroutine 'connectsSockets' declared here
  co_return;
}

// Blocking work offloaded in a plain lambda posted to a thread pool is not
// the coroutine's body.
awaitable<void> offloads(asio::thread_pool &Pool) {
  asio::post(Pool, [] { std::this_thread::sleep_for(1s); });
  co_return;
}

// The same calls outside a coroutine: the classic synchronous server.
void synchronousServer(tcp::acceptor &Acceptor) {
  tcp::socket Socket = Acceptor.accept();
  char Data[16];
  Socket.read_some(asio::buffer(Data));
}
