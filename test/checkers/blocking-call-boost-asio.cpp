// boost::asio awaitables (libboost1.81-dev).
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- -std=c++20 \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <boost/asio.hpp>
#include <mutex>

namespace net = boost::asio;
using net::ip::tcp;

std::mutex StatsMutex;

// CHECK-MESSAGES: :[[@LINE+5]]:26: warning: blocking call to 'boost::asio::basic_stream_socket::read_some' (network) stalls the thread running coroutine 'echo': the thread waits for the peer; co_await the asynchronous twin instead (async_read_some with use_awaitable) [coro-blocking-call]
// CHECK-MESSAGES: :[[#ECHO:@LINE+1]]:22: note: coroutine 'echo' declared here
net::awaitable<void> echo(tcp::socket Socket) {
  char Data[512];
  std::string Line;
  std::size_t N = Socket.read_some(net::buffer(Data));
  net::read_until(Socket, net::dynamic_buffer(Line), '\n');
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'boost::asio::read_until' (network)
  // CHECK-MESSAGES: :[[#ECHO]]:22: note: coroutine 'echo' declared here
  {
    // A short critical section: not reported.
    std::lock_guard Lock(StatsMutex);
  }
  // The async forms.
  N = co_await Socket.async_read_some(net::buffer(Data), net::use_awaitable);
  co_await net::async_write(Socket, net::buffer(Data, N), net::use_awaitable);
  net::steady_timer Timer(co_await net::this_coro::executor);
  Timer.expires_after(std::chrono::milliseconds(5));
  co_await Timer.async_wait(net::use_awaitable);
}
