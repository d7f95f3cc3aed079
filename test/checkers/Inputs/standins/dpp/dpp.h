// Stand-in for D++ (DPP) coroutines (see standin_task.h).
#pragma once
#include "../standin_task.h"
#include <chrono>
#include <cstdint>
#include <exception>
#include <optional>

namespace dpp {
CORO_TIDY_STANDIN_TASK(task)
CORO_TIDY_STANDIN_TASK(coroutine)
struct job {
  struct promise_type {
    job get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
};
// The synchronous waits every DPP awaitable inherits.
template <typename Derived> class basic_awaitable {
public:
  auto sync_wait() { return 0; }
  template <typename Rep, typename Period>
  std::optional<int> sync_wait_for(const std::chrono::duration<Rep, Period> &) {
    return 0;
  }
  template <typename Clock, typename Duration>
  std::optional<int>
  sync_wait_until(const std::chrono::time_point<Clock, Duration> &) {
    return 0;
  }
};
template <typename T> class awaitable : public basic_awaitable<awaitable<T>> {
public:
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const noexcept { return T(); }
};
// The write end of an awaitable, as D++ splits it: a base with
// set_exception and get_awaitable, basic_promise adding set_value, and the
// moveable_promise that dpp::promise names.
namespace detail::promise {
template <typename T> class promise_base {
public:
  void set_exception(std::exception_ptr) {}
  awaitable<T> get_awaitable() { return {}; }
};
} // namespace detail::promise
template <typename T>
class basic_promise : public detail::promise::promise_base<T> {
public:
  template <typename U> void set_value(U &&) {}
};
template <typename T> class moveable_promise {
public:
  template <typename U> void set_value(U &&) {}
  void set_exception(std::exception_ptr) {}
  awaitable<T> get_awaitable() { return {}; }
};
template <typename T> using promise = moveable_promise<T>;
struct timer {};
class cluster {
public:
  awaitable<timer> co_sleep(uint64_t) { return {}; }
};
} // namespace dpp
