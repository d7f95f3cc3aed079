// Stand-in for Seastar (see standin_task.h).
#pragma once
#include "../../standin_task.h"
#include <chrono>

namespace seastar {
// A future; get() and wait() are for seastar::thread only.
template <typename T = void> class future {
public:
  using promise_type = coro_tidy_standin_promise<future, T>;
  T get() { return T(); }
  void wait() {}
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const noexcept { return T(); }
};
template <typename Clock = std::chrono::steady_clock, typename Rep,
          typename Period>
future<> sleep(std::chrono::duration<Rep, Period>) {
  return {};
}
} // namespace seastar
