// Stand-in for Seastar (see standin_task.h).
#pragma once
#include "../../standin_task.h"
#include <chrono>

namespace seastar {
CORO_TIDY_STANDIN_TASK(future)
template <typename Clock = std::chrono::steady_clock, typename Rep,
          typename Period>
future<> sleep(std::chrono::duration<Rep, Period>) {
  return {};
}
} // namespace seastar
