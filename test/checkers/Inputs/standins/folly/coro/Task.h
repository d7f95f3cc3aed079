// Stand-in for folly/coro (see standin_task.h).
#pragma once
#include "../../standin_task.h"
#include <mutex>
#include <chrono>

namespace folly {
class Executor {};
class Baton {
public:
  void post() {}
  void wait() {}
  template <typename Rep, typename Period>
  bool try_wait_for(std::chrono::duration<Rep, Period>) { return true; }
};
template <typename T> class SemiFuture {
public:
  T get() && { return T(); }
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const noexcept { return T(); }
};
template <typename T> class Future : public SemiFuture<T> {
public:
  T get() && { return T(); }
  void wait() {}
};
namespace coro {
CORO_TIDY_STANDIN_TASK(Task)
inline Task<void> sleep(std::chrono::nanoseconds) { return {}; }
template <typename Awaitable>
Awaitable co_viaIfAsync(Executor *, Awaitable &&Work) {
  return static_cast<Awaitable &&>(Work);
}
template <typename Awaitable> auto blockingWait(Awaitable &&Work) {
  return static_cast<Awaitable &&>(Work).await_resume();
}
class Mutex {
public:
  coro_tidy_standin_ready co_lock() { return {}; }
  // co_await mutex.co_scoped_lock() resumes holding the lock.
  struct ScopedLockOperation : coro_tidy_standin_ready {
    Mutex *Owner;
    std::unique_lock<Mutex> await_resume() const noexcept {
      return std::unique_lock<Mutex>(*Owner, std::adopt_lock);
    }
  };
  ScopedLockOperation co_scoped_lock() { return {{}, this}; }
  bool try_lock() { return true; }
  void unlock() {}
};
} // namespace coro
} // namespace folly
