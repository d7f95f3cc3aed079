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

} // namespace coro_tidy
