// Which WebSocket origins are let in: the server's own pages, configured ones, and non-browsers.
#include "server/auth/origin.h"

#include <gtest/gtest.h>

namespace parley::server::auth {
namespace {

const std::vector<std::string> none_configured;
const std::vector<std::string> configured = {"https://Console.Example.com/",
                                             "http://localhost:5173", "https://[::1]:8443"};

TEST(Origin, NonBrowserClientsWithoutOriginAreAllowed) {
    EXPECT_TRUE(origin_allowed("", "parley.example:8080", none_configured));
}

TEST(Origin, PagesFromThisServerAreAllowed) {
    EXPECT_TRUE(
        origin_allowed("http://parley.example:8080", "parley.example:8080", none_configured));
    EXPECT_TRUE(
        origin_allowed("https://parley.example:8080", "parley.example:8080", none_configured));
    EXPECT_TRUE(origin_allowed("https://parley.example", "parley.example", none_configured));
    EXPECT_TRUE(origin_allowed("http://127.0.0.1:8080", "127.0.0.1:8080", none_configured));
    EXPECT_TRUE(origin_allowed("http://[::1]:8080", "[::1]:8080", none_configured));
    EXPECT_TRUE(origin_allowed("HTTPS://Parley.Example", "parley.example", none_configured));
    EXPECT_TRUE(origin_allowed("https://parley.example:443", "parley.example", none_configured));
}

TEST(Origin, ConfiguredOriginsAreAllowedExactly) {
    EXPECT_TRUE(origin_allowed("https://console.example.com", "api.internal:8080", configured));
    EXPECT_TRUE(origin_allowed("https://CONSOLE.example.com", "api.internal:8080", configured));
    EXPECT_TRUE(origin_allowed("http://localhost:5173", "api.internal:8080", configured));
    EXPECT_TRUE(origin_allowed("https://[::1]:8443", "api.internal:8080", configured));
    EXPECT_FALSE(origin_allowed("http://console.example.com", "api.internal:8080", configured));
    EXPECT_FALSE(origin_allowed("https://console.example.com:8443", "api.internal", configured));
    EXPECT_FALSE(origin_allowed("http://localhost:5174", "api.internal:8080", configured));
    EXPECT_FALSE(origin_allowed("http://localhost", "api.internal:8080", configured));
}

TEST(Origin, OtherSitesAreRefused) {
    for (const char* origin :
         {"https://evil.example", "http://evil.example:8080", "https://parley.example.evil.example",
          "https://evil.example/parley.example:8080", "https://parley.example:8080@evil.example",
          "https://evilparley.example:8080"}) {
        EXPECT_FALSE(origin_allowed(origin, "parley.example:8080", configured)) << origin;
    }
}

TEST(Origin, NullAndMalformedOriginsAreRefused) {
    for (const char* origin :
         {"null", "Null", "parley.example:8080", "://parley.example:8080", "http://",
          "http://parley.example:", "http:// parley.example:8080", "file://",
          "http://parley.example:8080/path", "http://parley.example:80x"}) {
        EXPECT_FALSE(origin_allowed(origin, "parley.example:8080", configured)) << origin;
    }
}

TEST(Origin, ThePortMustMatch) {
    EXPECT_FALSE(
        origin_allowed("http://parley.example:8081", "parley.example:8080", none_configured));
    EXPECT_FALSE(origin_allowed("http://parley.example", "parley.example:8080", none_configured));
    EXPECT_FALSE(origin_allowed("http://parley.example:8080", "parley.example", none_configured));
    EXPECT_FALSE(origin_allowed("https://parley.example:80", "parley.example", none_configured));
}

TEST(Origin, AMissingOrBrokenHostAllowsOnlyConfiguredOrigins) {
    EXPECT_FALSE(origin_allowed("http://parley.example", "", none_configured));
    EXPECT_FALSE(origin_allowed("http://parley.example", "parley.example/x", none_configured));
    EXPECT_TRUE(origin_allowed("http://localhost:5173", "", configured));
}

}  // namespace
}  // namespace parley::server::auth
