// Stand-in for folly/ScopeGuard.h: makeGuard and SCOPE_EXIT, whose callable
// runs when the scope ends.
#pragma once
#include <utility>

namespace folly {
template <typename F> class ScopeGuardImpl {
public:
  explicit ScopeGuardImpl(F Fn) : Fn(std::move(Fn)) {}
  ~ScopeGuardImpl() { Fn(); }

private:
  F Fn;
};
template <typename F> ScopeGuardImpl<F> makeGuard(F Fn) {
  return ScopeGuardImpl<F>(std::move(Fn));
}
namespace detail {
struct ScopeGuardOnExit {};
template <typename F> ScopeGuardImpl<F> operator+(ScopeGuardOnExit, F &&Fn) {
  return ScopeGuardImpl<F>(std::forward<F>(Fn));
}
} // namespace detail
} // namespace folly

#define FOLLY_STANDIN_CONCAT2(A, B) A##B
#define FOLLY_STANDIN_CONCAT(A, B) FOLLY_STANDIN_CONCAT2(A, B)
#define SCOPE_EXIT                                                             \
  auto FOLLY_STANDIN_CONCAT(ScopeExitState, __LINE__) =                        \
      ::folly::detail::ScopeGuardOnExit() + [&]() noexcept
