// coro-lock-across-suspend and coro-sync-wait on real asio and Boost.Asio
// code: the advice names their strands and channels.
// RUN: %coro_tidy -checks='-*,coro-lock-across-suspend,coro-sync-wait' %s -- \
// RUN:   %asio_flags | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <asio.hpp>
#include <boost/asio.hpp>
#include <mutex>

std::mutex StatsMutex;
int Served = 0;

asio::awaitable<void> countAndReply(asio::ip::tcp::socket &Socket) {
  std::lock_guard<std::mutex> Lock(StatsMutex);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: lock guard 'Lock' on 'StatsMutex' is held across a suspension point of coroutine 'countAndReply': other threads wanting it wait while the coroutine is suspended, and it may resume on another thread and unlock it there; serialize with an asio strand or hand data over an asio channel, or release the lock before co_await [coro-lock-across-suspend]
  ++Served;
  co_await asio::async_write(Socket, asio::buffer("ok\n", 3), asio::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: suspension point is here
}

// The fix: release the lock before awaiting.
asio::awaitable<void> countThenReply(asio::ip::tcp::socket &Socket) {
  {
    std::lock_guard<std::mutex> Lock(StatsMutex);
    ++Served;
  }
  co_await asio::async_write(Socket, asio::buffer("ok\n", 3), asio::use_awaitable);
}

boost::asio::awaitable<void> drain(boost::asio::io_context &Context) {
  Context.run_for(std::chrono::seconds(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: synchronous wait 'boost::asio::io_context::run_for' inside coroutine 'drain'
  // CHECK-MESSAGES: :[[@LINE-3]]:30: note: coroutine 'drain' declared here
  co_return;
}
