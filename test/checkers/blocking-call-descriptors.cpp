// Reads, writes, accepts and connects on a descriptor shown to be in
// non-blocking mode return at once, and are not reported unless
// IgnoreNonBlockingDescriptors is false. The evidence: the function handles
// a would-block result (EAGAIN, EWOULDBLOCK, EINPROGRESS, asio's
// would_block, a status's try_again()), puts that descriptor in
// non-blocking mode (fcntl O_NONBLOCK, SOCK_NONBLOCK, native_non_blocking),
// or awaited an operation on it first; for a member descriptor, any method
// of its class counts. A write of one machine word (an eventfd or self-pipe
// wake-up) waits for nothing either way.
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- %asio_flags -I %S/Inputs \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s \
// RUN:   -config="{CheckOptions: {coro-blocking-call.IgnoreNonBlockingDescriptors: false}}" \
// RUN:   -- %asio_flags -I %S/Inputs \
// RUN:   | FileCheck %s -check-prefix=ALL

#include "task.h"
#include <asio.hpp>
#include <cerrno>
#include <cstdint>
#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <unistd.h>

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
