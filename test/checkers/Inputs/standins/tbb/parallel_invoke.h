// Stand-in for oneTBB's fork-join algorithms (see standin_task.h). No
// tbb/tbb.h: libstdc++'s <execution> would take it for the real oneTBB.
#pragma once

namespace tbb {
template <typename... F> void parallel_invoke(F &&...Fs) { (Fs(), ...); }
template <typename Index, typename Body>
void parallel_for(Index First, Index Last, const Body &B) {
  for (Index I = First; I < Last; ++I)
    B(I);
}
} // namespace tbb
