// Stand-in for concurrencpp (see standin_task.h).
#pragma once
#include "../standin_task.h"
#include <chrono>
#include <memory>

namespace concurrencpp {
class executor {
public:
  virtual ~executor() = default;
};
class thread_pool_executor : public executor {};
class thread_executor : public executor {};
class worker_thread_executor : public executor {};
// A coroutine whose parameters start with (executor_tag, std::shared_ptr<E>)
// starts on that executor.
struct executor_tag {};
enum class result_status { idle, value, exception };

template <typename T = void> class result {
public:
  using promise_type = coro_tidy_standin_promise<result, T>;
  T get() { return T(); }
  void wait() const {}
  template <typename Rep, typename Period>
  result_status wait_for(std::chrono::duration<Rep, Period>) const {
    return result_status::value;
  }
  template <typename Clock, typename Duration>
  result_status wait_until(std::chrono::time_point<Clock, Duration>) const {
    return result_status::value;
  }
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const noexcept { return T(); }
};

// co_await resume_on(executor) continues the coroutine on executor.
template <typename Executor>
coro_tidy_standin_ready resume_on(std::shared_ptr<Executor>) {
  return {};
}

class scoped_async_lock {
public:
  ~scoped_async_lock() {}
};
class async_lock {
public:
  result<scoped_async_lock> lock(std::shared_ptr<executor>) { return {}; }
  void unlock() {}
};
} // namespace concurrencpp
