// The webhook URL rules and the signature algorithm, without a server.
#include <gtest/gtest.h>

#include "server/webhooks/webhook_signature.h"
#include "server/webhooks/webhook_target.h"

namespace parley::server::webhooks {
namespace {

TEST(WebhookTarget, TakesAnHttpUrlApart) {
    const auto parsed = parse_target("http://desk.example.com:8081/hooks/parley?x=1");
    ASSERT_TRUE(std::holds_alternative<WebhookTarget>(parsed));
    const auto& target = std::get<WebhookTarget>(parsed);
    EXPECT_EQ(target.host, "desk.example.com");
    EXPECT_EQ(target.port, "8081");
    EXPECT_EQ(target.target, "/hooks/parley?x=1");
    const auto bare = std::get<WebhookTarget>(parse_target("http://desk"));
    EXPECT_EQ(bare.port, "80");
    EXPECT_EQ(bare.target, "/");
}

TEST(WebhookTarget, RefusesHttpsAndNonsenseWithASentence) {
    const auto https = parse_target("https://desk.example.com/hook");
    ASSERT_TRUE(std::holds_alternative<std::string>(https));
    EXPECT_NE(std::get<std::string>(https).find("TLS"), std::string::npos);
    for (const char* url : {"ftp://x", "http://", "http://a:0/", "http://a:99999/", "http://a b/",
                            "http://user:pw@a/", "desk.example.com"}) {
        EXPECT_TRUE(std::holds_alternative<std::string>(parse_target(url))) << url;
    }
}

// RFC 4231, test case 2.
TEST(WebhookSignature, IsTheHexHmacSha256OfTheBody) {
    EXPECT_EQ(sign("Jefe", "what do ya want for nothing?"),
              "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

}  // namespace
}  // namespace parley::server::webhooks
