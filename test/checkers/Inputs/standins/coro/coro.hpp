// Stand-in for libcoro (see standin_task.h).
#pragma once
#include "../standin_task.h"

namespace coro {
CORO_TIDY_STANDIN_TASK(task)
CORO_TIDY_STANDIN_GENERATOR(generator)
class thread_pool {
public:
  coro_tidy_standin_ready schedule() { return {}; }
};
template <typename Awaitable> auto sync_wait(Awaitable &&Work) {
  return static_cast<Awaitable &&>(Work).await_resume();
}
} // namespace coro
