//===----------------------------------------------------------------------===//
// What a host string passed to a name lookup makes the resolver do.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_UTILS_HOSTNAMES_H
#define CORO_TIDY_UTILS_HOSTNAMES_H

#include "llvm/ADT/StringRef.h"

namespace coro_tidy {

/// True if looking up \p Host consults no name service: an address in a
/// form inet_aton accepts ("127.0.0.1", "0.0.0.0", "8080"), an IPv6 address
/// ("::", "::1"), or "" (no host: the wildcard or loopback address).
/// getaddrinfo and gethostbyname parse such strings and return without
/// reading /etc/hosts or asking a DNS server
/// (test/integrations/resolver-numeric-host.test).
bool isNumericHost(llvm::StringRef Host);

/// True if \p Address is a numeric host with a port ("127.0.0.1:8080",
/// "[::1]:80"), the form servers take their listen address in. No lookup
/// accepts the pair, so code holding one splits the port off first.
bool isNumericHostAndPort(llvm::StringRef Address);

} // namespace coro_tidy

#endif // CORO_TIDY_UTILS_HOSTNAMES_H
