//===----------------------------------------------------------------------===//

#include "CheckDescriptions.h"
#include "CoroChecks.h"
#include "llvm/ADT/STLExtras.h"

namespace coro_tidy {

static const CheckDescription Descriptions[] = {
    {BlockingCallName, "Blocking call on a coroutine's thread",
     "Finds blocking work on a coroutine's thread: calls to blocking APIs "
     "(sleeps, waits for other threads, file, network, DNS, process and "
     "database I/O, as listed in the blocking-API catalog) made in a "
     "coroutine body, and calls to helper functions whose bodies reach one. "
     "They stall the thread that runs the coroutine and every coroutine "
     "sharing it.",
     "A coroutine runs on an executor thread: an asio `io_context`, a Qt "
     "event loop, a thread pool, a reactor. Many coroutines share that "
     "thread and take turns at every `co_await`. A call that blocks, such as "
     "`std::this_thread::sleep_for`, `recv` or `PQexec`, does not give the "
     "thread back: every other coroutine on it waits too, and a server stops "
     "answering all its clients while one of them sleeps. It is the C++ form "
     "of calling `time.sleep()` or `requests.get()` inside Python's "
     "`async def`.",
     "co_await the asynchronous alternative the message names in the "
     "coroutine's framework (a timer, an asynchronous read, a connection "
     "pool's query), or offload the call to a thread pool and co_await its "
     "result.",
     "asio::awaitable<void> session(tcp::socket s) {\n"
     "  std::this_thread::sleep_for(100ms);                 // warning\n"
     "  std::ifstream cfg(\"app.conf\");                      // warning\n"
     "  co_await s.async_read_some(buf, asio::use_awaitable); // fine\n"
     "}"},
    {LockAcrossSuspendName, "Lock held across a suspension point",
     "Finds locks held across a suspension point (`co_await`, `co_yield`) "
     "of a coroutine: lock guards alive and not unlocked, and mutexes locked "
     "with `lock()` and not yet unlocked. Every other thread that wants the "
     "lock waits for as long as the coroutine is suspended, and the "
     "coroutine may resume on another thread and unlock a mutex it does not "
     "own.",
     "A `co_await` can take milliseconds or minutes; a lock held across it "
     "turns every contender into a waiter for that long, and with a thread "
     "pool the coroutine often resumes on another thread, where unlocking a "
     "`std::mutex` is undefined behaviour.",
     "release the lock before co_await, or use an async mutex",
     "asio::awaitable<void> count_and_reply(tcp::socket &s) {\n"
     "  std::lock_guard lock(stats_mutex);      // warning\n"
     "  ++served;\n"
     "  co_await async_write(s, buf, asio::use_awaitable);\n"
     "}"},
    {SyncWaitName, "Synchronous wait for asynchronous work inside a coroutine",
     "Finds synchronous waits for asynchronous work inside coroutine bodies "
     "(`cppcoro::sync_wait`, `folly::coro::blockingWait`, libcoro's "
     "`coro::sync_wait`, `QCoro::waitFor`, `io_context::run` and friends, "
     "`get()`/`wait()` on the future of an asynchronous operation): they "
     "stall the executor thread, and deadlock when the awaited work needs "
     "that very thread.",
     "\"Run it and wait\" entry points exist to start asynchronous code from "
     "synchronous code (`main`, a test). Called from inside a coroutine, "
     "they block the thread that runs the coroutine until the awaited work "
     "completes; if that work is scheduled on the same executor, it never "
     "runs, and the program hangs. It is the C++ form of calling "
     "`asyncio.run()` or `.Result` from async code.",
     "co_await the awaitable instead of waiting for it; `--fix-notes` "
     "rewrites `sync_wait(x)` to `co_await x`.",
     "cppcoro::task<int> handler() {\n"
     "  int n = cppcoro::sync_wait(fetch());   // warning: synchronous wait\n"
     "  co_return n;\n"
     "}"},
};

llvm::ArrayRef<CheckDescription> checkDescriptions() { return Descriptions; }

const CheckDescription *describeCheck(llvm::StringRef Name) {
  const auto *Found = llvm::find_if(
      Descriptions, [&](const CheckDescription &D) { return D.Name == Name; });
  return Found == std::end(Descriptions) ? nullptr : Found;
}

} // namespace coro_tidy
