// Stand-in for folly/net/NetOps.h: folly's portable socket calls, which
// block as the system calls they wrap do.
#pragma once
#include "NetworkSocket.h"
#include <poll.h>
#include <sys/socket.h>
#include <sys/types.h>

namespace folly {
namespace netops {
struct PollDescriptor {
  NetworkSocket fd;
  short events;
  short revents;
};
NetworkSocket accept(NetworkSocket S, sockaddr *Addr, socklen_t *AddrLen);
int bind(NetworkSocket S, const sockaddr *Name, socklen_t NameLen);
int close(NetworkSocket S);
int connect(NetworkSocket S, const sockaddr *Name, socklen_t NameLen);
int listen(NetworkSocket S, int Backlog);
int poll(PollDescriptor Fds[], nfds_t NFds, int Timeout);
ssize_t recv(NetworkSocket S, void *Buf, size_t Len, int Flags);
ssize_t recvfrom(NetworkSocket S, void *Buf, size_t Len, int Flags,
                 sockaddr *From, socklen_t *FromLen);
ssize_t recvmsg(NetworkSocket S, msghdr *Message, int Flags);
int recvmmsg(NetworkSocket S, mmsghdr *MsgVec, unsigned int VLen,
             unsigned int Flags, timespec *Timeout);
ssize_t send(NetworkSocket S, const void *Buf, size_t Len, int Flags);
ssize_t sendto(NetworkSocket S, const void *Buf, size_t Len, int Flags,
               const sockaddr *To, socklen_t ToLen);
ssize_t sendmsg(NetworkSocket S, const msghdr *Message, int Flags);
int sendmmsg(NetworkSocket S, mmsghdr *MsgVec, unsigned int VLen, int Flags);
int shutdown(NetworkSocket S, int How);
NetworkSocket socket(int Af, int Type, int Protocol);
int set_socket_non_blocking(NetworkSocket S);
int set_socket_close_on_exec(NetworkSocket S);
} // namespace netops
} // namespace folly
