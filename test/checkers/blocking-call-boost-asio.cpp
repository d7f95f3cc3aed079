// boost::asio awaitables (libboost1.81-dev).
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- -std=c++20 \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <boost/asio.hpp>
#include <mutex>
#include <thread>

namespace net = boost::asio;
using net::ip::tcp;

std::mutex StatsMutex;

// CHECK-MESSAGES: :[[@LINE+5]]:26: warning: blocking call to 'boost::asio::basic_stream_socket::read_some' (network) stalls the thread running coroutine 'echo': the thread waits for the peer; co_await the asynchronous twin instead (async_read_some with boost::asio::use_awaitable) [coro-blocking-call]
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

// post(pool, use_awaitable) resumes on the coroutine's own executor; a
// completion bound to the pool moves it (test/integrations/asio-hops.test).
net::awaitable<void> offload(net::thread_pool &Pool) {
  co_await net::post(Pool, net::use_awaitable);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::this_thread::sleep_for' (sleep) stalls the thread running coroutine 'offload'
  // CHECK-MESSAGES: :[[@LINE-4]]:22: note: coroutine 'offload' declared here
  // CHECK-MESSAGES: :[[@LINE-4]]:12: note: 'boost::asio::post' with use_awaitable resumes on the coroutine's own executor, not on the pool
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: co_await the boost-asio equivalent instead
  co_await net::post(net::bind_executor(Pool, net::use_awaitable));
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
}
