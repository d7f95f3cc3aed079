// Looks hosts up the ways the catalog's dns entries do (asio's resolver in
// both forms, getaddrinfo, gethostbyname), writing a marker before each
// group, so that a trace shows which lookups read /etc/hosts or ask DNS.
#include <asio.hpp>
#include <netdb.h>
#include <unistd.h>

namespace {

void mark(const char *Marker) { (void)!write(1, Marker, 1); }

void lookUp(const char *Host) {
  asio::io_context Context;
  asio::ip::tcp::resolver Resolver(Context);
  asio::error_code Error;
  Resolver.resolve(Host, "8080", Error);
  Resolver.resolve(asio::ip::tcp::resolver::query(Host, "8080"), Error);
  addrinfo *Found = nullptr;
  // asio hands getaddrinfo no node for an empty host; gethostbyname has
  // no such form.
  if (getaddrinfo(*Host ? Host : nullptr, "8080", nullptr, &Found) == 0)
    freeaddrinfo(Found);
  if (*Host)
    gethostbyname(Host);
}

} // namespace

int main() {
  mark("N");
  for (const char *Numeric : {"0.0.0.0", "127.0.0.1", "::", "::1", "8080", ""})
    lookUp(Numeric);
  mark("L");
  lookUp("localhost");
  mark("Z");
}
