// Stand-in for cppcoro (see standin_task.h).
#pragma once
#include "../standin_task.h"

namespace cppcoro {
CORO_TIDY_STANDIN_TASK(task)
CORO_TIDY_STANDIN_GENERATOR(generator)
class static_thread_pool {
public:
  coro_tidy_standin_ready schedule() noexcept { return {}; }
};
class async_mutex;
class async_mutex_lock {
public:
  explicit async_mutex_lock(async_mutex &Mutex) : Mutex(&Mutex) {}
  ~async_mutex_lock();

private:
  async_mutex *Mutex;
};
class async_mutex {
public:
  coro_tidy_standin_ready lock_async() { return {}; }
  // co_await mutex.scoped_lock_async() resumes holding the lock.
  struct scoped_lock_operation : coro_tidy_standin_ready {
    async_mutex *Owner;
    async_mutex_lock await_resume() const noexcept {
      return async_mutex_lock(*Owner);
    }
  };
  scoped_lock_operation scoped_lock_async() { return {{}, this}; }
  bool try_lock() { return true; }
  void unlock() {}
};
inline async_mutex_lock::~async_mutex_lock() { Mutex->unlock(); }
inline coro_tidy_standin_ready resume_on(static_thread_pool &) { return {}; }
template <typename Awaitable> auto sync_wait(Awaitable &&Work) {
  return static_cast<Awaitable &&>(Work).await_resume();
}
} // namespace cppcoro
