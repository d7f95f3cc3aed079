// Stand-in for oneTBB's task_arena (see standin_task.h).
#pragma once

namespace tbb {
class task_arena {
public:
  template <typename F> auto execute(F &&Work) { return Work(); }
};
} // namespace tbb
