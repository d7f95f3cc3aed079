// Stand-in for oneTBB's fork-join algorithms (see standin_task.h).
#pragma once

namespace tbb {
template <typename... F> void parallel_invoke(F &&...Fs) { (Fs(), ...); }
template <typename Index, typename Body>
void parallel_for(Index First, Index Last, const Body &B) {
  for (Index I = First; I < Last; ++I)
    B(I);
}
class task_arena {
public:
  template <typename F> auto execute(F &&Work) { return Work(); }
};
} // namespace tbb
