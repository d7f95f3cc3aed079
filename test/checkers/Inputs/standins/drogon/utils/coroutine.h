// Stand-in for drogon's coroutine utilities (see standin_task.h).
#pragma once
#include "../../standin_task.h"

namespace trantor {
class EventLoop {};
} // namespace trantor

namespace drogon {
CORO_TIDY_STANDIN_TASK(Task)
inline coro_tidy_standin_ready sleepCoro(trantor::EventLoop *, double) {
  return {};
}
// co_await switchThreadCoro(loop) continues the coroutine on loop.
inline coro_tidy_standin_ready switchThreadCoro(trantor::EventLoop *) {
  return {};
}
template <typename Await> auto sync_wait(Await &&Work) {
  return static_cast<Await &&>(Work).await_resume();
}
} // namespace drogon
