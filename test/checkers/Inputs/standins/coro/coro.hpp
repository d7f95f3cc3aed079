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
} // namespace coro
