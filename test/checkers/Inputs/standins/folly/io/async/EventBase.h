// Stand-in for folly/io/async/EventBase.h: the loop runs on the calling
// thread until its work is done (loop), one round (loopOnce) or until
// terminateLoopSoon (loopForever).
#pragma once
#include <functional>

#define EVLOOP_ONCE 0x01
#define EVLOOP_NONBLOCK 0x02

namespace folly {
class EventBase {
public:
  bool loop() { return true; }
  bool loopOnce(int Flags = 0) { return Flags >= 0; }
  void loopForever() {}
  void terminateLoopSoon() {}
  void runInEventBaseThread(std::function<void()> Fn) { Fn(); }
};
} // namespace folly
