//===----------------------------------------------------------------------===//
// The one breadth-first search the call graphs share: helpers in a
// translation unit, the summary index's functions, the merge's callers.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_SUMMARIES_BREADTHFIRST_H
#define CORO_TIDY_ANALYSIS_SUMMARIES_BREADTHFIRST_H

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <cstddef>
#include <vector>

namespace coro_tidy {

/// The visits of a breadth-first search, each node once, in the order of
/// their depth: a client loops over them while reaching new nodes from the
/// current one, so the first visit that answers its question is one a
/// shortest path leads to. \p Key tells nodes apart (a canonical
/// declaration, a function's number).
template <typename Node, typename Edge, typename Key = Node>
class BreadthFirst {
public:
  struct Visit {
    Node At;
    /// 1 for a start.
    unsigned Depth;
    /// The visit it was reached from, -1 for a start.
    int From;
    /// The edge it was reached by; a default one for a start.
    Edge Reached;
  };

  /// Adds a start, unless \p K was visited.
  void start(Node At, Key K) {
    if (Seen.insert(K).second)
      Visits.push_back({At, 1, -1, Edge()});
  }

  /// Reaches \p At from visit \p From by \p By, unless \p K was visited;
  /// true if it is a new visit.
  bool reach(size_t From, Node At, Key K, Edge By) {
    if (!Seen.insert(K).second)
      return false;
    Visits.push_back({At, Visits[From].Depth + 1, static_cast<int>(From), By});
    return true;
  }

  size_t size() const { return Visits.size(); }
  const Visit &operator[](size_t I) const { return Visits[I]; }

  /// The visits from a start to visit \p I, the start first.
  llvm::SmallVector<size_t, 8> pathTo(size_t I) const {
    llvm::SmallVector<size_t, 8> Path;
    for (int At = static_cast<int>(I); At >= 0; At = Visits[At].From)
      Path.insert(Path.begin(), static_cast<size_t>(At));
    return Path;
  }

private:
  std::vector<Visit> Visits;
  llvm::DenseSet<Key> Seen;
};

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_SUMMARIES_BREADTHFIRST_H
