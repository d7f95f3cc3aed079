// Stand-in for D++ (DPP) coroutines (see standin_task.h).
#pragma once
#include "../standin_task.h"
#include <chrono>
#include <cstdint>
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
template <typename T> class promise {
public:
  awaitable<T> get_awaitable() { return {}; }
  void set_value(T) {}
};
struct timer {};
class cluster {
public:
  awaitable<timer> co_sleep(uint64_t) { return {}; }
};
} // namespace dpp
