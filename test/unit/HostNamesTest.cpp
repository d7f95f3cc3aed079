//===----------------------------------------------------------------------===//
// Which hosts a lookup answers without a name service: the forms glibc
// parses before it consults /etc/hosts or DNS.
//===----------------------------------------------------------------------===//

#include "utils/HostNames.h"
#include <gtest/gtest.h>

namespace coro_tidy {
namespace {

TEST(HostNamesTest, AddressesAreNumeric) {
  EXPECT_TRUE(isNumericHost("0.0.0.0"));
  EXPECT_TRUE(isNumericHost("127.0.0.1"));
  EXPECT_TRUE(isNumericHost("::"));
  EXPECT_TRUE(isNumericHost("::1"));
  EXPECT_TRUE(isNumericHost("fe80::1"));
  EXPECT_TRUE(isNumericHost("::ffff:10.0.0.1"));
}

TEST(HostNamesTest, ShortFormsInetAtonReadsAreNumeric) {
  // "8080" is the address 0.0.31.144 to inet_aton, and so to getaddrinfo.
  EXPECT_TRUE(isNumericHost("8080"));
  EXPECT_TRUE(isNumericHost("10.1"));
  EXPECT_TRUE(isNumericHost("0x7f.1"));
}

TEST(HostNamesTest, NoHostIsNumeric) { EXPECT_TRUE(isNumericHost("")); }

TEST(HostNamesTest, NamesAreLookedUp) {
  EXPECT_FALSE(isNumericHost("localhost"));
  EXPECT_FALSE(isNumericHost("example.org"));
  EXPECT_FALSE(isNumericHost("0.0.0.0:8080"));
  EXPECT_FALSE(isNumericHost("[::1]"));
  EXPECT_FALSE(isNumericHost("1.2.3.4.5"));
  EXPECT_FALSE(isNumericHost("dead:beef"));
  EXPECT_FALSE(isNumericHost(" 127.0.0.1"));
}

TEST(HostNamesTest, AddressesWithPorts) {
  EXPECT_TRUE(isNumericHostAndPort("127.0.0.1:8080"));
  EXPECT_TRUE(isNumericHostAndPort("0.0.0.0:0"));
  EXPECT_TRUE(isNumericHostAndPort("[::1]:80"));
  EXPECT_TRUE(isNumericHostAndPort("[::]"));
  EXPECT_FALSE(isNumericHostAndPort("localhost:8080"));
  EXPECT_FALSE(isNumericHostAndPort("127.0.0.1"));
  EXPECT_FALSE(isNumericHostAndPort("127.0.0.1:http"));
  EXPECT_FALSE(isNumericHostAndPort("::1"));
  EXPECT_FALSE(isNumericHostAndPort("[localhost]:80"));
  EXPECT_FALSE(isNumericHostAndPort(":8080"));
}

} // namespace
} // namespace coro_tidy
