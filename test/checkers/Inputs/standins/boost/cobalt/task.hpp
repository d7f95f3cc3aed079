// Stand-in for Boost.Cobalt, which Boost 1.81 predates (see standin_task.h).
#pragma once
#include "../../standin_task.h"

namespace boost::cobalt {
CORO_TIDY_STANDIN_TASK(task)
CORO_TIDY_STANDIN_TASK(promise)
} // namespace boost::cobalt
