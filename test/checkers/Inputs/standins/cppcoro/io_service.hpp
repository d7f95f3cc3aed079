// Stand-in for cppcoro's io_service (see standin_task.h): the event loop of
// cppcoro's I/O, run by the threads that call process_events().
#pragma once
#include "../standin_task.h"
#include <cstdint>

namespace cppcoro {
class io_service {
public:
  io_service() = default;
  std::uint64_t process_events() { return 0; }
  std::uint64_t process_pending_events() { return 0; }
  std::uint64_t process_one_event() { return 0; }
  std::uint64_t process_one_pending_event() { return 0; }
  void stop() noexcept {}
  coro_tidy_standin_ready schedule() noexcept { return {}; }
};
} // namespace cppcoro
