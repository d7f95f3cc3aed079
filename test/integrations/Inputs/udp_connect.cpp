// Connects a UDP socket through asio to an address nothing answers at: a
// datagram connect only records the peer.
#include <asio.hpp>

int main() {
  asio::io_context Context;
  asio::ip::udp::socket Socket(Context);
  Socket.connect(
      asio::ip::udp::endpoint(asio::ip::make_address("10.255.255.1"), 9));
}
