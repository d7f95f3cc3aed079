// A minimal lazy task type, as many code bases grow their own.
#pragma once
#include <coroutine>
#include <exception>
#include <utility>

template <typename T> class Task {
public:
  struct promise_type {
    T Value{};
    std::coroutine_handle<> Continuation = std::noop_coroutine();
    Task get_return_object() {
      return Task(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    auto final_suspend() noexcept {
      struct Resume {
        bool await_ready() noexcept { return false; }
        std::coroutine_handle<>
        await_suspend(std::coroutine_handle<promise_type> H) noexcept {
          return H.promise().Continuation;
        }
        void await_resume() noexcept {}
      };
      return Resume{};
    }
    void return_value(T V) { Value = std::move(V); }
    void unhandled_exception() { std::terminate(); }
  };

  explicit Task(std::coroutine_handle<promise_type> H) : Handle(H) {}
  Task(Task &&Other) noexcept : Handle(std::exchange(Other.Handle, {})) {}
  ~Task() {
    if (Handle)
      Handle.destroy();
  }

  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> Caller) {
    Handle.promise().Continuation = Caller;
    return Handle;
  }
  T await_resume() { return std::move(Handle.promise().Value); }

  T runToCompletion() {
    Handle.resume();
    return std::move(Handle.promise().Value);
  }

private:
  std::coroutine_handle<promise_type> Handle;
};
