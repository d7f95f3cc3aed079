// Where an asio::awaitable coroutine resumes after each way of hopping to a
// thread pool: the facts behind the catalog's executor-switches and
// non-moving-hops for asio (and, with ASIO_NAMESPACE_BOOST, Boost.Asio).
#ifdef ASIO_NAMESPACE_BOOST
#include <boost/asio.hpp>
namespace asio = boost::asio;
#else
#include <asio.hpp>
#endif
#include <cstdio>
#include <thread>

static std::thread::id LoopThread;

static const char *where() {
  return std::this_thread::get_id() == LoopThread ? "io_context" : "pool";
}

static asio::awaitable<void> onPool() {
  std::printf("co_spawn(pool, sub, use_awaitable) runs sub on: %s\n", where());
  co_return;
}

static asio::awaitable<void> hops(asio::thread_pool &Pool) {
  std::printf("start: %s\n", where());
  co_await asio::post(Pool, asio::use_awaitable);
  std::printf("post(pool, use_awaitable) resumes on: %s\n", where());
  co_await asio::dispatch(Pool, asio::use_awaitable);
  std::printf("dispatch(pool, use_awaitable) resumes on: %s\n", where());
  co_await asio::post(asio::bind_executor(Pool, asio::use_awaitable));
  std::printf("post(bind_executor(pool, use_awaitable)) resumes on: %s\n",
              where());
  co_await asio::post(asio::use_awaitable);
  std::printf("post(use_awaitable) resumes on: %s\n", where());
  co_await asio::dispatch(asio::bind_executor(Pool, asio::use_awaitable));
  std::printf("dispatch(bind_executor(pool, use_awaitable)) resumes on: %s\n",
              where());
  co_await asio::co_spawn(Pool, onPool(), asio::use_awaitable);
  std::printf("co_spawn(pool, sub, use_awaitable) resumes on: %s\n", where());
}

int main() {
  asio::io_context Loop;
  asio::thread_pool Pool(2);
  LoopThread = std::this_thread::get_id();
  asio::co_spawn(Loop, hops(Pool), asio::detached);
  Loop.run();
  Pool.join();
}
