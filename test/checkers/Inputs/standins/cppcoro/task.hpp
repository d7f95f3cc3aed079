// Stand-in for cppcoro (see standin_task.h).
#pragma once
#include "../standin_task.h"

namespace cppcoro {
CORO_TIDY_STANDIN_TASK(task)
CORO_TIDY_STANDIN_GENERATOR(generator)
class static_thread_pool {
public:
  coro_tidy_standin_ready schedule() { return {}; }
};
class async_mutex {
public:
  coro_tidy_standin_ready lock_async() { return {}; }
  void unlock() {}
};
inline coro_tidy_standin_ready resume_on(static_thread_pool &) { return {}; }
template <typename Awaitable> auto sync_wait(Awaitable &&Work) {
  return static_cast<Awaitable &&>(Work).await_resume();
}
} // namespace cppcoro
