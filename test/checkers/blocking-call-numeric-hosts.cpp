// A lookup of a host that can only be a numeric address asks no name
// service (test/integrations/resolver-numeric-host.test shows it under
// strace): not reported. The host qualifies when everything it derives from
// in the translation unit, whichever path runs, is a numeric literal, no
// host, or a number, through copies, moves, substrings, helpers' returns,
// parameters whose callers are all here and fields whose writes are all
// here. A name, an unknown value, a value written through a reference, and
// a reverse lookup stay reported.
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- %asio_flags \
// RUN:   -I %S/Inputs | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %coro_tidy -checks='-*,coro-blocking-call' -header-filter=host_servers \
// RUN:   %s -- %asio_flags -I %S/Inputs | FileCheck %s -check-prefix=HEADER
// HEADER: host_servers.h:14:14: warning: blocking call to 'asio::ip::basic_resolver::resolve' (dns)
// HEADER: host_servers.h:13:25: note: coroutine 'serve' declared here
// HEADER: host_servers.h:28:14: warning: blocking call to 'asio::ip::basic_resolver::resolve' (dns)
// HEADER: host_servers.h:27:25: note: coroutine 'serve' declared here

#include <asio.hpp>
#include <iostream>
#include <netdb.h>
#include <string>
#include <string_view>
#include <unistd.h>
#include "host_servers.h"

using asio::awaitable;
using asio::ip::tcp;

// Literals: a numeric address, no host at all, a name.
awaitable<void> literals(tcp::resolver &Resolver, addrinfo **Found) {
  Resolver.resolve("0.0.0.0", "8080");
  Resolver.resolve("::1", "http");
  Resolver.resolve("8080", "8080");
  getaddrinfo(nullptr, "8080", nullptr, Found);
  getaddrinfo("127.0.0.1", "53", nullptr, Found);
  gethostbyname("10.0.0.1");
  // CHECK-MESSAGES: :[[@LINE+2]]:12: warning: blocking call to 'asio::ip::basic_resolver::resolve' (dns)
  // CHECK-MESSAGES: :[[@LINE-8]]:17: note: coroutine 'literals' declared here
  Resolver.resolve("localhost", "8080");
  // CHECK-MESSAGES: :[[@LINE+2]]:3: warning: blocking call to 'getaddrinfo' (dns)
  // CHECK-MESSAGES: :[[@LINE-11]]:17: note: coroutine 'literals' declared here
  getaddrinfo("db.internal", "5432", nullptr, Found);
  co_return;
}

// The host is whatever the coroutine is given: unknown.
awaitable<void> given(tcp::resolver &Resolver, std::string Host) {
  // CHECK-MESSAGES: :[[@LINE+2]]:12: warning: blocking call to 'asio::ip::basic_resolver::resolve' (dns)
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: coroutine 'given' declared here
  Resolver.resolve(Host, "80");
  co_return;
}

// A local copied and cut from a numeric literal stays numeric; one read
// from a stream, filled through a pointer, or assigned a name does not.
awaitable<void> locals(tcp::resolver &Resolver, addrinfo **Found) {
  std::string Wildcard = "0.0.0.0";
  std::string Address = Wildcard.substr(0, Wildcard.find(':'));
  Resolver.resolve(Address, std::to_string(9000));

  std::string Typed;
  // CHECK-MESSAGES: :[[@LINE+2]]:3: warning: blocking call to 'std::getline' (file-io)
  // CHECK-MESSAGES: :[[@LINE-7]]:17: note: coroutine 'locals' declared here
  std::getline(std::cin, Typed);
  // CHECK-MESSAGES: :[[@LINE+2]]:12: warning: blocking call to 'asio::ip::basic_resolver::resolve' (dns)
  // CHECK-MESSAGES: :[[@LINE-10]]:17: note: coroutine 'locals' declared here
  Resolver.resolve(Typed, "80");

  char Machine[256] = "";
  gethostname(Machine, sizeof Machine);
  // CHECK-MESSAGES: :[[@LINE+2]]:3: warning: blocking call to 'getaddrinfo' (dns)
  // CHECK-MESSAGES: :[[@LINE-16]]:17: note: coroutine 'locals' declared here
  getaddrinfo(Machine, "80", nullptr, Found);

  std::string Reassigned = "127.0.0.1";
  Reassigned = "mirror.example";
  // CHECK-MESSAGES: :[[@LINE+2]]:12: warning: blocking call to 'asio::ip::basic_resolver::resolve' (dns)
  // CHECK-MESSAGES: :[[@LINE-22]]:17: note: coroutine 'locals' declared here
  Resolver.resolve(Reassigned, "80");
  co_return;
}

// A reverse lookup asks DNS for the name of an address, numeric or not.
awaitable<void> reverse(tcp::resolver &Resolver) {
  tcp::endpoint Loopback(asio::ip::make_address("127.0.0.1"), 80);
  // CHECK-MESSAGES: :[[@LINE+2]]:12: warning: blocking call to 'asio::ip::basic_resolver::resolve' (dns)
  // CHECK-MESSAGES: :[[@LINE-3]]:17: note: coroutine 'reverse' declared here
  Resolver.resolve(Loopback);
  co_return;
}

// A listening server whose address is only ever its constructor's default,
// split from an optional ":port" by a helper.
struct ListenAddress {
  std::string Host;
  unsigned short Port = 0;
};

inline ListenAddress splitListenAddress(std::string_view Text,
                                        unsigned short DefaultPort) {
  ListenAddress Parsed{std::string(Text), DefaultPort};
  if (std::size_t Colon = Text.rfind(':'); Colon != std::string_view::npos)
    Parsed.Host = std::string(Text.substr(0, Colon));
  return Parsed;
}

class EchoServer {
public:
  EchoServer(asio::io_context &Context, unsigned short Port,
             std::string Address = "0.0.0.0")
      : Acceptor(Context), Port(Port) {
    setAddress(std::move(Address));
  }
  void start() { listen(); }

private:
  void setAddress(std::string Address) {
    ListenAddress Parsed = splitListenAddress(Address, Port);
    this->Address = std::move(Parsed.Host);
  }
  void listen() {
    tcp::resolver Resolver(Acceptor.get_executor());
    auto Found = Resolver.resolve(Address, std::to_string(Port));
    Acceptor.open(Found.begin()->endpoint().protocol());
    Acceptor.bind(*Found.begin());
    Acceptor.listen();
  }

  tcp::acceptor Acceptor;
  unsigned short Port;
  std::string Address;
};

awaitable<void> serveOnDefaultAddress(asio::io_context &Context) {
  EchoServer Server(Context, 9000);
  Server.start();
  co_return;
}

// The same server shape, built once in this file with a host name: the
// address may be a name in any of its objects (the derivation does not
// tell objects apart).
class NamedServer {
public:
  NamedServer(asio::io_context &Context, std::string Address = "0.0.0.0")
      : Acceptor(Context), Address(std::move(Address)) {}
  void start() {
    tcp::resolver Resolver(Acceptor.get_executor());
    Acceptor.bind(*Resolver.resolve(Address, "9001").begin());
  }

private:
  tcp::acceptor Acceptor;
  std::string Address;
};

awaitable<void> serveNamed(asio::io_context &Context) {
  NamedServer Default(Context);
  NamedServer Named(Context, "gateway.local");
  // CHECK-MESSAGES: :[[@LINE+6]]:9: warning: call to 'NamedServer::start' blocks: it reaches 'asio::ip::basic_resolver::resolve' (dns)
  // CHECK-MESSAGES: :[[@LINE-4]]:17: note: coroutine 'serveNamed' declared here
  // CHECK-MESSAGES: :[[@LINE-13]]:29: note: 'NamedServer::start' calls 'asio::ip::basic_resolver::resolve' here
  // CHECK-MESSAGES: :[[@LINE+4]]:11: warning: call to 'NamedServer::start' blocks: it reaches 'asio::ip::basic_resolver::resolve' (dns)
  // CHECK-MESSAGES: :[[@LINE-7]]:17: note: coroutine 'serveNamed' declared here
  // CHECK-MESSAGES: :[[@LINE-16]]:29: note: 'NamedServer::start' calls 'asio::ip::basic_resolver::resolve' here
  Named.start();
  Default.start();
  co_return;
}

// A listen address given with its port, split before the lookup; a logger
// that takes what it prints by forwarding reference and only reads it; a
// constructor template never instantiated, whose calls run nowhere.
struct Log {
  template <typename T> Log &operator<<(T &&Value) {
    std::cerr << Value;
    return *this;
  }
};

template <typename Transport> class SplitServer {
public:
  SplitServer(asio::io_context &Context, std::string Address = "127.0.0.1:0")
      : Acceptor(Context) {
    setAddress(Address);
  }
  template <typename Config>
  SplitServer(asio::io_context &Context, const Config &Settings)
      : Acceptor(Context) {
    setAddress(Settings.host);
  }
  void start() {
    Log() << "listening on " << Address;
    tcp::resolver Resolver(Acceptor.get_executor());
    Acceptor.bind(*Resolver.resolve(Address, std::to_string(Port)).begin());
  }

private:
  void setAddress(std::string_view Text) {
    ListenAddress Parsed = splitListenAddress(Text, 0);
    Address = std::move(Parsed.Host);
    Port = Parsed.Port;
  }
  tcp::acceptor Acceptor;
  std::string Address;
  unsigned short Port = 0;
};

awaitable<void> serveSplit(asio::io_context &Context) {
  SplitServer<tcp> Server(Context);
  Server.start();
  co_return;
}

// A function template that writes the string it is handed by reference.
template <typename Text> void pickMirror(Text &&Host) {
  Host = "mirror.example";
}

awaitable<void> resolvesPicked(tcp::resolver &Resolver) {
  std::string Host = "127.0.0.1";
  pickMirror(Host);
  // CHECK-MESSAGES: :[[@LINE+2]]:12: warning: blocking call to 'asio::ip::basic_resolver::resolve' (dns)
  // CHECK-MESSAGES: :[[@LINE-4]]:17: note: coroutine 'resolvesPicked' declared here
  Resolver.resolve(Host, "80");
  co_return;
}

// A helper other translation units may call with any host.
void connectTo(tcp::resolver &Resolver, const std::string &Host);
void connectTo(tcp::resolver &Resolver, const std::string &Host) {
  Resolver.resolve(Host, "80");
}

awaitable<void> callsExternalHelper(tcp::resolver &Resolver) {
  // CHECK-MESSAGES: :[[@LINE+3]]:3: warning: call to 'connectTo' blocks: it reaches 'asio::ip::basic_resolver::resolve' (dns)
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: coroutine 'callsExternalHelper' declared here
  // CHECK-MESSAGES: :[[@LINE-6]]:12: note: 'connectTo' calls 'asio::ip::basic_resolver::resolve' here
  connectTo(Resolver, "127.0.0.1");
  co_return;
}

// Writers out of sight (host_servers.h): a constructor only declared may be
// given any host in another file; a class of a header is constructed by
// other files too (its default "0.0.0.0" proves nothing); an aggregate of a
// header filled by its users elsewhere has no write here at all.
awaitable<void> serveDeclaredServer(asio::io_context &Context) {
  DeclaredServer Server(Context);
  co_await Server.serve();
}

awaitable<void> serveHeaderServer(asio::io_context &Context) {
  HeaderServer Server(Context);
  co_await Server.serve();
}

awaitable<void> lookUpEndpoint(const Endpoint &Peer, addrinfo **Found) {
  getaddrinfo(Peer.host.c_str(), Peer.port.c_str(), nullptr, Found);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'getaddrinfo' (dns)
  // CHECK-MESSAGES: :[[@LINE-3]]:17: note: coroutine 'lookUpEndpoint' declared here
  co_return;
}

// Complete: a class with internal linkage, constructed only here, and only
// with a numeric address.
namespace {
class LocalServer {
public:
  LocalServer(asio::io_context &Context, std::string Address)
      : Resolver(Context), Address(std::move(Address)) {}
  awaitable<void> serve() {
    Resolver.resolve(Address, "443");
    co_return;
  }

private:
  tcp::resolver Resolver;
  std::string Address;
};
} // namespace

awaitable<void> serveLocal(asio::io_context &Context) {
  LocalServer Server(Context, "127.0.0.1");
  co_await Server.serve();
}

// A field whose only writes copy it from another object (the implicit copy
// constructor that puts the parameter in the coroutine's frame) was set by
// whoever made the first object: unknown, reported.
struct CopiedTarget {
  std::string host;
};

awaitable<void> lookUpCopied(CopiedTarget Target, addrinfo **Found) {
  getaddrinfo(Target.host.c_str(), "80", nullptr, Found);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'getaddrinfo' (dns)
  // CHECK-MESSAGES: :[[@LINE-3]]:17: note: coroutine 'lookUpCopied' declared here
  co_return;
}

// Copied too, but every object starts from a numeric address.
struct LoopbackTarget {
  std::string host = "127.0.0.1";
};

awaitable<void> lookUpLoopback(LoopbackTarget Target, addrinfo **Found) {
  getaddrinfo(Target.host.c_str(), "80", nullptr, Found);
  co_return;
}
