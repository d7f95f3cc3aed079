// Only a remark: with ExplainSuppressions and warnings as errors, the run
// still succeeds (explain-suppressions.cpp).
#include <cppcoro/task.hpp>
#include <unistd.h>
cppcoro::task<> onPool(cppcoro::static_thread_pool &Pool) {
  co_await Pool.schedule();
  sleep(1);
}
