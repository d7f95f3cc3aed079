// Reads, writes, accepts and connects on a descriptor shown to be in
// non-blocking mode return at once, and are not reported unless
// IgnoreNonBlockingDescriptors is false. The evidence: the function handles
// a would-block result of that descriptor (EAGAIN, EWOULDBLOCK, EINPROGRESS,
// asio's would_block, a status's try_again()), puts that descriptor in
// non-blocking mode (fcntl O_NONBLOCK, SOCK_NONBLOCK, native_non_blocking),
// or awaited an operation on it first; for a member descriptor, any method
// of its class counts. A write of one machine word (an eventfd or self-pipe
// wake-up) waits for nothing either way.
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- %asio_flags -I %S/Inputs -isystem %S/Inputs/standins \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s \
// RUN:   -config="{CheckOptions: {coro-blocking-call.IgnoreNonBlockingDescriptors: false}}" \
// RUN:   -- %asio_flags -I %S/Inputs -isystem %S/Inputs/standins \
// RUN:   | FileCheck %s -check-prefix=ALL

#include "task.h"
#include <array>
#include <asio.hpp>
#include <cerrno>
#include <cstdint>
#include <fcntl.h>
#include <folly/net/NetOps.h>
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

ready_awaitable readable(int Fd);

task<> fcntlNonBlocking(int Fd) {
  fcntl(Fd, F_SETFL, fcntl(Fd, F_GETFL) | O_NONBLOCK);
  char Buf[64];
  (void)read(Fd, Buf, sizeof Buf);
  // ALL: :[[@LINE-1]]:9: warning: blocking call to 'read' (file-io)
  co_return;
}

task<> handlesAgain(int Fd) {
  char Buf[64];
  ssize_t N = recv(Fd, Buf, sizeof Buf, 0);
  // ALL: :[[@LINE-1]]:15: warning: blocking call to 'recv' (network)
  if (N < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
    co_await readable(Fd);
}

// The would-block check is about the call right before it: the socket's
// recv. The file read before it, and the write after it to another
// descriptor, may block.
task<> handlesAgainOfOne(int File, int Sock, int Out) {
  char Buf[64];
  (void)read(File, Buf, sizeof Buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'read' (file-io) stalls the thread running coroutine 'handlesAgainOfOne'
  // CHECK-MESSAGES: :[[@LINE-4]]:8: note: coroutine 'handlesAgainOfOne' declared here
  // ALL: :[[@LINE-3]]:9: warning: blocking call to 'read' (file-io)
  ssize_t N = recv(Sock, Buf, sizeof Buf, 0);
  // ALL: :[[@LINE-1]]:15: warning: blocking call to 'recv' (network)
  if (N < 0 && errno == EAGAIN)
    co_await readable(Sock);
  (void)write(Out, Buf, sizeof Buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'write' (file-io) stalls the thread running coroutine 'handlesAgainOfOne'
  // CHECK-MESSAGES: :[[@LINE-12]]:8: note: coroutine 'handlesAgainOfOne' declared here
  // ALL: :[[@LINE-3]]:9: warning: blocking call to 'write' (file-io)
}

task<> connectsInProgress(int Fd, const sockaddr *Address, socklen_t Length) {
  if (connect(Fd, Address, Length) < 0 && errno == EINPROGRESS)
    co_await readable(Fd);
  // ALL: :[[@LINE-2]]:7: warning: blocking call to 'connect' (network)
}

task<> socketNonBlocking() {
  int Fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  char Buf[64];
  (void)recv(Fd, Buf, sizeof Buf, 0);
  // ALL: :[[@LINE-1]]:9: warning: blocking call to 'recv' (network)
  co_return;
}

task<> afterReadiness(int Fd) {
  co_await readable(Fd);
  char Buf[64];
  (void)read(Fd, Buf, sizeof Buf);
  // ALL: :[[@LINE-1]]:9: warning: blocking call to 'read' (file-io)
}

// One readiness wait admits one operation: the first read may take all that
// was ready, and the second then waits for more.
task<> twoReadsAfterOneWait(int Fd) {
  co_await readable(Fd);
  char Buf[64];
  (void)read(Fd, Buf, sizeof Buf);
  // ALL: :[[@LINE-1]]:9: warning: blocking call to 'read' (file-io)
  (void)recv(Fd, Buf, sizeof Buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'recv' (network) stalls the thread running coroutine 'twoReadsAfterOneWait'
  // CHECK-MESSAGES: :[[@LINE-7]]:8: note: coroutine 'twoReadsAfterOneWait' declared here
  // ALL: :[[@LINE-3]]:9: warning: blocking call to 'recv' (network)
}

// A wait before each read, in a loop: each read has its own.
task<> waitBeforeEachRead(int Fd) {
  char Buf[64];
  for (int I = 0; I < 4; ++I) {
    co_await readable(Fd);
    (void)read(Fd, Buf, sizeof Buf);
    // ALL: :[[@LINE-1]]:11: warning: blocking call to 'read' (file-io)
  }
}

// A read on another descriptor uses up nothing of this one's wait.
task<> otherReadBetween(int Fd, int Other) {
  char Buf[64];
  co_await readable(Fd);
  (void)read(Other, Buf, sizeof Buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'read' (file-io) stalls the thread running coroutine 'otherReadBetween'
  // CHECK-MESSAGES: :[[@LINE-5]]:8: note: coroutine 'otherReadBetween' declared here
  // ALL: :[[@LINE-3]]:9: warning: blocking call to 'read' (file-io)
  (void)read(Fd, Buf, sizeof Buf);
  // ALL: :[[@LINE-1]]:9: warning: blocking call to 'read' (file-io)
}

asio::awaitable<void> sendFile(asio::ip::tcp::socket &Socket, int File) {
  Socket.native_non_blocking(true);
  off_t Offset = 0;
  ::sendfile(Socket.native_handle(), File, &Offset, 4096);
  // ALL: :[[@LINE-1]]:3: warning: blocking call to 'sendfile' (file-io)
  co_return;
}

// A member descriptor that another method of the class made non-blocking,
// or whose would-block results the class handles.
class Connection {
public:
  explicit Connection(int Descriptor) : Fd(Descriptor) {
    fcntl(Fd, F_SETFL, O_NONBLOCK);
  }
  task<> pump() {
    char Buf[64];
    (void)read(Fd, Buf, sizeof Buf);
    // ALL: :[[@LINE-1]]:11: warning: blocking call to 'read' (file-io)
    co_return;
  }

private:
  int Fd;
};

// A pipe whose two ends the constructor makes non-blocking in a loop over
// them, through a flags local; copies dup the ends (a dup shares the mode)
// and moves take them over: every write of the member keeps the mode, and an
// accessor's end is one of them.
class WakePipe {
public:
  WakePipe() {
    (void)pipe(Ends.data());
    for (int &End : Ends) {
      int Flags = fcntl(End, F_GETFL);
      Flags |= O_NONBLOCK;
      fcntl(End, F_SETFL, Flags);
    }
  }
  WakePipe(const WakePipe &Other) {
    Ends[0] = dup(Other.Ends[0]);
    Ends[1] = dup(Other.Ends[1]);
  }
  WakePipe(WakePipe &&Other) noexcept : Ends(std::exchange(Other.Ends, {})) {}
  WakePipe &operator=(WakePipe &&Other) noexcept {
    Ends = std::exchange(Other.Ends, {-1, -1});
    return *this;
  }
  int writeEnd() const { return Ends[1]; }
  task<> notify() {
    char Buf[64] = {};
    (void)write(writeEnd(), Buf, sizeof Buf);
    // ALL: :[[@LINE-1]]:11: warning: blocking call to 'write' (file-io)
    co_return;
  }

private:
  std::array<int, 2> Ends{-1, -1};
};

// The same, but the loop may stop before the second end, and a method opens
// the pipe anew without the mode: the ends may block.
class StopsEarly {
public:
  StopsEarly() {
    (void)pipe(Ends.data());
    for (int &End : Ends) {
      if (fcntl(End, F_SETFL, O_NONBLOCK) != 0)
        break;
    }
  }
  int writeEnd() const { return Ends[1]; }
  task<> notify() {
    char Buf[64] = {};
    (void)write(writeEnd(), Buf, sizeof Buf);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking call to 'write' (file-io) stalls the thread running coroutine 'notify'
    // CHECK-MESSAGES: :[[@LINE-4]]:10: note: coroutine 'notify' declared here
    // ALL: :[[@LINE-3]]:11: warning: blocking call to 'write' (file-io)
    co_return;
  }

private:
  std::array<int, 2> Ends{-1, -1};
};

class Reopened {
public:
  Reopened() {
    (void)pipe(Ends.data());
    for (int &End : Ends)
      fcntl(End, F_SETFL, fcntl(End, F_GETFL) | O_NONBLOCK);
  }
  void reopen() { (void)pipe(Ends.data()); }
  task<> notify() {
    char Buf[64] = {};
    (void)write(Ends[1], Buf, sizeof Buf);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking call to 'write' (file-io) stalls the thread running coroutine 'notify'
    // CHECK-MESSAGES: :[[@LINE-4]]:10: note: coroutine 'notify' declared here
    // ALL: :[[@LINE-3]]:11: warning: blocking call to 'write' (file-io)
    co_return;
  }

private:
  std::array<int, 2> Ends{-1, -1};
};

// Only the first end made non-blocking: the second may block.
class OneEnd {
public:
  OneEnd() {
    (void)pipe(Ends);
    int Flags = fcntl(Ends[0], F_GETFL);
    Flags |= O_NONBLOCK;
    fcntl(Ends[0], F_SETFL, Flags);
  }
  task<> notify() {
    char Buf[64] = {};
    (void)write(Ends[1], Buf, sizeof Buf);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking call to 'write' (file-io) stalls the thread running coroutine 'notify'
    // CHECK-MESSAGES: :[[@LINE-4]]:10: note: coroutine 'notify' declared here
    // ALL: :[[@LINE-3]]:11: warning: blocking call to 'write' (file-io)
    co_return;
  }

private:
  int Ends[2] = {-1, -1};
};

// A flags local cleared again before the call: blocking.
task<> flagsClearedAgain(int Fd) {
  int Flags = fcntl(Fd, F_GETFL);
  Flags |= O_NONBLOCK;
  Flags &= ~O_NONBLOCK;
  fcntl(Fd, F_SETFL, Flags);
  char Buf[64];
  (void)read(Fd, Buf, sizeof Buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'read' (file-io) stalls the thread running coroutine 'flagsClearedAgain'
  // CHECK-MESSAGES: :[[@LINE-8]]:8: note: coroutine 'flagsClearedAgain' declared here
  // ALL: :[[@LINE-3]]:9: warning: blocking call to 'read' (file-io)
  co_return;
}

// The flag set in a local on one path only: blocking on the other.
task<> flagsSetOnOnePath(int Fd, bool Quick) {
  int Flags = fcntl(Fd, F_GETFL);
  if (Quick)
    Flags |= O_NONBLOCK;
  fcntl(Fd, F_SETFL, Flags);
  char Buf[64];
  (void)read(Fd, Buf, sizeof Buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'read' (file-io) stalls the thread running coroutine 'flagsSetOnOnePath'
  // CHECK-MESSAGES: :[[@LINE-8]]:8: note: coroutine 'flagsSetOnOnePath' declared here
  // ALL: :[[@LINE-3]]:9: warning: blocking call to 'read' (file-io)
  co_return;
}

// Set through a flags local on every path: non-blocking.
task<> flagsSetThroughLocal(int Fd) {
  int Flags = fcntl(Fd, F_GETFL);
  Flags |= O_NONBLOCK;
  fcntl(Fd, F_SETFL, Flags);
  char Buf[64];
  (void)read(Fd, Buf, sizeof Buf);
  // ALL: :[[@LINE-1]]:9: warning: blocking call to 'read' (file-io)
  co_return;
}

struct Status {
  bool try_again() const;
};
Status statusOf(ssize_t);
class Client {
public:
  task<> receive() {
    char Buf[64];
    Status S = statusOf(recv(Sock, Buf, sizeof Buf, 0));
    // ALL: :[[@LINE-1]]:25: warning: blocking call to 'recv' (network)
    if (S.try_again())
      co_await readable(Sock);
  }

private:
  int Sock = -1;
};

// No evidence: the descriptor may well block.
task<> plain(int Fd, int WakeFd) {
  char Buf[64];
  (void)read(Fd, Buf, sizeof Buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'read' (file-io) stalls the thread running coroutine 'plain'
  // CHECK-MESSAGES: :[[@LINE-4]]:8: note: coroutine 'plain' declared here
  // ALL: :[[@LINE-3]]:9: warning: blocking call to 'read' (file-io)
  (void)write(Fd, Buf, sizeof Buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'write' (file-io) stalls the thread running coroutine 'plain'
  // CHECK-MESSAGES: :[[@LINE-8]]:8: note: coroutine 'plain' declared here
  // ALL: :[[@LINE-3]]:9: warning: blocking call to 'write' (file-io)
  // One machine word to an eventfd or self-pipe: a wake-up.
  std::uint64_t One = 1;
  (void)write(WakeFd, &One, sizeof One);
  co_return;
}

// Incomplete evidence, each beside its complete form: non-blocking on one
// path only, switched back, a readiness wait on another descriptor, a
// member another method switches back.
task<> oneBranch(int Fd, bool C) {
  char Buf[64];
  if (C)
    fcntl(Fd, F_SETFL, O_NONBLOCK);
  (void)read(Fd, Buf, sizeof Buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'read' (file-io) stalls the thread running coroutine 'oneBranch'
  // CHECK-MESSAGES: :[[@LINE-6]]:8: note: coroutine 'oneBranch' declared here
  // ALL: :[[@LINE-3]]:9: warning: blocking call to 'read' (file-io)
  if (C)
    fcntl(Fd, F_SETFL, O_NONBLOCK);
  else
    fcntl(Fd, F_SETFL, fcntl(Fd, F_GETFL) | O_NONBLOCK);
  (void)read(Fd, Buf, sizeof Buf);
  // ALL: :[[@LINE-1]]:9: warning: blocking call to 'read' (file-io)
  co_return;
}

task<> switchedBack(int Fd) {
  char Buf[64];
  const int Flags = fcntl(Fd, F_GETFL);
  fcntl(Fd, F_SETFL, Flags | O_NONBLOCK);
  (void)read(Fd, Buf, sizeof Buf);
  // ALL: :[[@LINE-1]]:9: warning: blocking call to 'read' (file-io)
  fcntl(Fd, F_SETFL, Flags & ~O_NONBLOCK);
  (void)read(Fd, Buf, sizeof Buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'read' (file-io) stalls the thread running coroutine 'switchedBack'
  // CHECK-MESSAGES: :[[@LINE-9]]:8: note: coroutine 'switchedBack' declared here
  // ALL: :[[@LINE-3]]:9: warning: blocking call to 'read' (file-io)
  int Off = 0;
  ioctl(Fd, FIONBIO, &Off);
  (void)read(Fd, Buf, sizeof Buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'read' (file-io) stalls the thread running coroutine 'switchedBack'
  // CHECK-MESSAGES: :[[@LINE-15]]:8: note: coroutine 'switchedBack' declared here
  // ALL: :[[@LINE-3]]:9: warning: blocking call to 'read' (file-io)
  int On = 1;
  ioctl(Fd, FIONBIO, &On);
  (void)read(Fd, Buf, sizeof Buf);
  // ALL: :[[@LINE-1]]:9: warning: blocking call to 'read' (file-io)
  co_return;
}

task<> readinessOfAnother(int Fd, int Other) {
  char Buf[64];
  co_await readable(Other);
  (void)read(Fd, Buf, sizeof Buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'read' (file-io) stalls the thread running coroutine 'readinessOfAnother'
  // CHECK-MESSAGES: :[[@LINE-5]]:8: note: coroutine 'readinessOfAnother' declared here
  // ALL: :[[@LINE-3]]:9: warning: blocking call to 'read' (file-io)
  (void)read(Other, Buf, sizeof Buf);
  // ALL: :[[@LINE-1]]:9: warning: blocking call to 'read' (file-io)
}

class Toggled {
public:
  explicit Toggled(int Descriptor) : Fd(Descriptor) {
    fcntl(Fd, F_SETFL, O_NONBLOCK);
  }
  void makeBlocking() { fcntl(Fd, F_SETFL, 0); }
  task<> pump() {
    char Buf[64];
    (void)read(Fd, Buf, sizeof Buf);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking call to 'read' (file-io) stalls the thread running coroutine 'pump'
    // CHECK-MESSAGES: :[[@LINE-4]]:10: note: coroutine 'pump' declared here
    // ALL: :[[@LINE-3]]:11: warning: blocking call to 'read' (file-io)
    co_return;
  }

private:
  int Fd;
};

// folly's socket calls wrap the system calls: the same evidence on a
// folly::NetworkSocket, made non-blocking by netops::set_socket_non_blocking.
task<> follyNonBlocking(folly::NetworkSocket S) {
  folly::netops::set_socket_non_blocking(S);
  char Buf[64];
  (void)folly::netops::recv(S, Buf, sizeof Buf, 0);
  // ALL: :[[@LINE-1]]:9: warning: blocking call to 'folly::netops::recv' (network)
  co_return;
}

task<> follyAnotherSocket(folly::NetworkSocket S, folly::NetworkSocket Other) {
  folly::netops::set_socket_non_blocking(Other);
  char Buf[64];
  (void)folly::netops::recv(S, Buf, sizeof Buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'folly::netops::recv' (network) stalls the thread running coroutine 'follyAnotherSocket': the thread waits for the peer
  // CHECK-MESSAGES: :[[@LINE-5]]:8: note: coroutine 'follyAnotherSocket' declared here
  // ALL: :[[@LINE-3]]:9: warning: blocking call to 'folly::netops::recv' (network)
  // MSG_DONTWAIT: this one call returns at once.
  (void)folly::netops::send(S, Buf, sizeof Buf, MSG_DONTWAIT);
  co_return;
}
