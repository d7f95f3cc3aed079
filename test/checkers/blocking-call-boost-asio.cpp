// boost::asio awaitables (libboost1.81-dev).
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- -std=c++20 \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <boost/asio.hpp>
#include <boost/filesystem.hpp>
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

// Boost.Filesystem touches the disk as std::filesystem does.
// CHECK-MESSAGES: :[[@LINE+3]]:8: warning: blocking call to 'boost::filesystem::exists' (file-io) stalls the thread running coroutine 'countEntries': the thread waits for the file system; co_await boost::asio::co_spawn(pool, work, boost::asio::use_awaitable) on a boost::asio::thread_pool
// CHECK-MESSAGES: :[[#COUNT:@LINE+1]]:29: note: coroutine 'countEntries' declared here
net::awaitable<std::size_t> countEntries(boost::filesystem::path Dir) {
  if (!boost::filesystem::exists(Dir))
    co_return 0;
  boost::filesystem::file_status Known = boost::filesystem::status(Dir);
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: blocking call to 'boost::filesystem::status' (file-io)
  // CHECK-MESSAGES: :[[#COUNT]]:29: note: coroutine 'countEntries' declared here
  std::size_t N = 0;
  for (boost::filesystem::directory_iterator It(Dir), End; It != End; ++It)
    ++N;
  // CHECK-MESSAGES: :[[@LINE-2]]:46: warning: blocking construction of 'boost::filesystem::directory_iterator' (file-io)
  // CHECK-MESSAGES: :[[#COUNT]]:29: note: coroutine 'countEntries' declared here
  // A status already read answers from memory.
  (void)boost::filesystem::is_directory(Known);
  co_return N;
}

// A call in a template is reported once, whichever instantiation resolves it
// first.
template <typename Iterator>
net::awaitable<void> listWith(boost::filesystem::path Dir) {
  Iterator It(Dir);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: blocking construction of 'boost::filesystem::{{(recursive_)?}}directory_iterator' (file-io)
  // CHECK-MESSAGES: :[[@LINE-3]]:22: note: coroutine 'listWith' declared here
  co_return;
}
template net::awaitable<void>
    listWith<boost::filesystem::directory_iterator>(boost::filesystem::path);
template net::awaitable<void>
    listWith<boost::filesystem::recursive_directory_iterator>(
        boost::filesystem::path);
