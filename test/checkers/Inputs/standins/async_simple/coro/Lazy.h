// Stand-in for async_simple (see standin_task.h).
#pragma once
#include "../../standin_task.h"
#include <chrono>
#include <mutex>

namespace async_simple {
class Executor {};
namespace coro {
CORO_TIDY_STANDIN_TASK(Lazy)
CORO_TIDY_STANDIN_TASK(RescheduleLazy)
template <typename Rep, typename Period>
Lazy<void> sleep(std::chrono::duration<Rep, Period>) {
  return {};
}
// co_await dispatch(ex) continues the coroutine on ex.
inline coro_tidy_standin_ready dispatch(Executor *) { return {}; }
template <typename LazyType> auto syncAwait(LazyType &&Work) {
  return static_cast<LazyType &&>(Work).await_resume();
}
class Mutex {
public:
  // co_await mutex.coScopedLock() resumes holding the lock.
  struct ScopedLockAwaiter : coro_tidy_standin_ready {
    Mutex *Owner;
    std::unique_lock<Mutex> await_resume() const noexcept {
      return std::unique_lock<Mutex>(*Owner, std::adopt_lock);
    }
  };
  ScopedLockAwaiter coScopedLock() { return {{}, this}; }
  Lazy<void> coLock() { return {}; }
  bool tryLock() { return true; }
  void unlock() {}
};
} // namespace coro
} // namespace async_simple
