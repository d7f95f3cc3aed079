// Stand-in for folly/net/NetworkSocket.h: a thin wrapper over a descriptor.
#pragma once

namespace folly {
struct NetworkSocket {
  using native_handle_type = int;
  static constexpr native_handle_type invalid_handle_value = -1;
  native_handle_type data;
  constexpr NetworkSocket() : data(invalid_handle_value) {}
  constexpr explicit NetworkSocket(native_handle_type D) : data(D) {}
  static NetworkSocket fromFd(int Fd) { return NetworkSocket(Fd); }
  int toFd() const { return data; }
};
} // namespace folly
