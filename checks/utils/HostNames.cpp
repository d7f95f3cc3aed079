//===----------------------------------------------------------------------===//

#include "utils/HostNames.h"
#include <arpa/inet.h>
#include <string>

namespace coro_tidy {

bool isNumericHost(llvm::StringRef Host) {
  if (Host.empty())
    return true;
  // The C library's own parsers, so that the rule is the one getaddrinfo
  // applies before it asks a name service.
  const std::string Text = Host.str();
  in_addr V4;
  in6_addr V6;
  return inet_aton(Text.c_str(), &V4) != 0 ||
         inet_pton(AF_INET6, Text.c_str(), &V6) == 1;
}

bool isNumericHostAndPort(llvm::StringRef Address) {
  llvm::StringRef Host, Port;
  if (!Address.contains(':'))
    return false;
  if (Address.consume_front("[")) {
    std::tie(Host, Port) = Address.split("]");
    if (!Host.contains(':') || (!Port.empty() && !Port.consume_front(":")))
      return false;
  } else {
    std::tie(Host, Port) = Address.rsplit(':');
    if (Host.contains(':') || Port.empty())
      return false;
  }
  unsigned Number = 0;
  return !Host.empty() && isNumericHost(Host) &&
         (Port.empty() || !Port.getAsInteger(10, Number));
}

} // namespace coro_tidy
