// Stand-in headers for coroutine libraries Debian does not package (folly,
// cppcoro, libcoro, Seastar, oneTBB's parallel algorithms). They declare the
// names and shapes coro-tidy matches on, with a minimal eager task, enough to
// parse and type-check; they are not the libraries.
#pragma once
#include <coroutine>
#include <exception>

template <typename Task, typename T> struct coro_tidy_standin_promise {
  Task get_return_object() { return {}; }
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_never final_suspend() noexcept { return {}; }
  template <typename U> void return_value(U &&) {}
  void unhandled_exception() { std::terminate(); }
};
template <typename Task> struct coro_tidy_standin_promise<Task, void> {
  Task get_return_object() { return {}; }
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_never final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() { std::terminate(); }
};

// An eager task type named NAME in the current namespace.
#define CORO_TIDY_STANDIN_TASK(NAME)                                           \
  template <typename T = void> class NAME {                                    \
  public:                                                                      \
    using promise_type = coro_tidy_standin_promise<NAME, T>;                   \
    bool await_ready() const noexcept { return true; }                         \
    void await_suspend(std::coroutine_handle<>) const noexcept {}              \
    T await_resume() const noexcept { return T(); }                            \
  };

template <typename Generator, typename T> struct coro_tidy_standin_yielder {
  Generator get_return_object() { return {}; }
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  std::suspend_always yield_value(T) noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() { std::terminate(); }
};

// A synchronous generator type named NAME: co_yield only, no co_await.
#define CORO_TIDY_STANDIN_GENERATOR(NAME)                                      \
  template <typename T> class NAME {                                           \
  public:                                                                      \
    using promise_type = coro_tidy_standin_yielder<NAME, T>;                   \
  };

// An awaitable that resumes at once, standing for a scheduling operation.
struct coro_tidy_standin_ready {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
