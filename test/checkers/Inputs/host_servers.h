// Servers defined in a header: other files include it and construct them
// with any host, so nothing here shows what their hosts hold.
#pragma once
#include <asio.hpp>
#include <netdb.h>
#include <string>

class HeaderServer {
public:
  explicit HeaderServer(asio::io_context &Context,
                        std::string Address = "0.0.0.0")
      : Resolver(Context), Address(std::move(Address)) {}
  asio::awaitable<void> serve() {
    Resolver.resolve(Address, "443");
    co_return;
  }

private:
  asio::ip::tcp::resolver Resolver;
  std::string Address;
};

// Constructed in another file, which may give it any host.
class DeclaredServer {
public:
  explicit DeclaredServer(asio::io_context &Context);
  asio::awaitable<void> serve() {
    Resolver.resolve(Host, "443");
    co_return;
  }

private:
  asio::ip::tcp::resolver Resolver;
  std::string Host = "0.0.0.0";
};

// An aggregate its users fill: no write of it is in sight here.
struct Endpoint {
  std::string host;
  std::string port;
};
