// The non-blocking flags the catalog's nonblocking-if conditions name, and
// what each does: MSG_DONTWAIT, LOCK_NB, ZMQ_DONTWAIT, WNOHANG.
#include <chrono>
#include <cstdio>
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zmq.h>
int main() {
  printf("MSG_DONTWAIT=%#x LOCK_NB=%d ZMQ_DONTWAIT=%d WNOHANG=%d\n", MSG_DONTWAIT, LOCK_NB, ZMQ_DONTWAIT, WNOHANG);
  int Pair[2]; socketpair(AF_UNIX, SOCK_STREAM, 0, Pair);
  char B; auto T0 = std::chrono::steady_clock::now();
  ssize_t N = recv(Pair[0], &B, 1, MSG_DONTWAIT);
  printf("recv MSG_DONTWAIT on an empty socket: %zd %s\n", N, errno == EAGAIN ? "EAGAIN" : "?");
  char Path[] = "/tmp/coro-tidy-flockXXXXXX"; int F1 = mkstemp(Path), F2 = open(Path, O_RDWR);
  flock(F1, LOCK_EX);
  int R = flock(F2, LOCK_EX | LOCK_NB);
  printf("flock LOCK_NB on a held lock: %d %s\n", R, errno == EWOULDBLOCK ? "EWOULDBLOCK" : "?");
  void *Ctx = zmq_ctx_new(); void *Pull = zmq_socket(Ctx, ZMQ_PULL);
  zmq_bind(Pull, "inproc://facts");
  R = zmq_recv(Pull, &B, 1, ZMQ_DONTWAIT);
  printf("zmq_recv ZMQ_DONTWAIT with nothing queued: %d %s\n", R, zmq_errno() == EAGAIN ? "EAGAIN" : "?");
  int Timeout = 200; zmq_setsockopt(Pull, ZMQ_RCVTIMEO, &Timeout, sizeof Timeout);
  T0 = std::chrono::steady_clock::now();
  R = zmq_recv(Pull, &B, 1, 0);
  auto Waited = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - T0).count();
  printf("zmq_recv without ZMQ_DONTWAIT waits: %s\n", Waited >= 190 ? "yes" : "no");
  zmq_close(Pull); zmq_ctx_term(Ctx); unlink(Path);
}
