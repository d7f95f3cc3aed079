// Annotations for coro-tidy: mark your own APIs blocking or non-blocking.
//
//   CORO_BLOCKING void flushToDisk();                  // reported in
//   coroutines CORO_BLOCKING_CATEGORY("database") Rows query();   // with a
//   category CORO_NONBLOCKING ssize_t readSome(int fd);         // never
//   reported
//
// The macros expand to [[clang::annotate(...)]] under clang (which
// coro-tidy uses) and to nothing elsewhere, so the header is safe to include
// in code built by any compiler.
#ifndef CORO_TIDY_ANNOTATIONS_H
#define CORO_TIDY_ANNOTATIONS_H

#if defined(__clang__)
#define CORO_BLOCKING [[clang::annotate("coro::blocking")]]
#define CORO_BLOCKING_CATEGORY(category)                                       \
  [[clang::annotate("coro::blocking:" category)]]
#define CORO_NONBLOCKING [[clang::annotate("coro::nonblocking")]]
#else
#define CORO_BLOCKING
#define CORO_BLOCKING_CATEGORY(category)
#define CORO_NONBLOCKING
#endif

#endif // CORO_TIDY_ANNOTATIONS_H
