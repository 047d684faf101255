// The widget on a company's own site: its origin, once in --allowed-origins, may preflight and
// read /api answers (without credentials crossing); any other origin gets nothing to read.
#include "rest/rest_test_support.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

constexpr const char* kShop = "https://shop.example.com";

class RestCors : public RestTest {
protected:
    RestCors() : RestTest([](ServerConfig& config) { config.allowed_origins = {kShop}; }) {}

    HttpResult preflight(const std::string& origin) {
        return http_call(port(), Verb::options, "/api/chats", {},
                         {{"Origin", origin},
                          {"Access-Control-Request-Method", "POST"},
                          {"Access-Control-Request-Headers", "content-type"}});
    }
};

TEST_F(RestCors, AnAllowedSitePreflightsAndReadsTheAnswer) {
    const HttpResult asked = preflight(kShop);
    EXPECT_EQ(asked.status, 204) << asked.body;
    EXPECT_EQ(header(asked, "Access-Control-Allow-Origin"), kShop);
    EXPECT_EQ(header(asked, "Access-Control-Allow-Methods"), "GET, POST, PUT, DELETE");
    EXPECT_NE(header(asked, "Access-Control-Allow-Headers").find("Authorization"),
              std::string::npos);
    EXPECT_EQ(header(asked, "Access-Control-Allow-Credentials"), "");

    const HttpResult started =
        api(port(), Verb::post, "/api/chats",
            {{"name", "Ann Lee"}, {"email", "ann@example.com"}, {"question", "Hello"}}, {},
            {{"Origin", kShop}});
    ASSERT_EQ(started.status, 201) << started.body;
    EXPECT_EQ(header(started, "Access-Control-Allow-Origin"), kShop);
    EXPECT_EQ(header(started, "Vary"), "Origin");
    EXPECT_NE(header(started, "Access-Control-Expose-Headers").find("Content-Disposition"),
              std::string::npos);
}

TEST_F(RestCors, AnyOtherSiteGetsNothingToRead) {
    const HttpResult asked = preflight("https://evil.example.net");
    EXPECT_EQ(asked.status, 403);
    EXPECT_EQ(asked.json["code"], "origin_not_allowed");
    EXPECT_EQ(header(asked, "Access-Control-Allow-Origin"), "");

    const HttpResult queues =
        api(port(), Verb::get, "/api/queues", nullptr, sign_in(port(), "maria", "maria-demo"),
            {{"Origin", "https://evil.example.net"}});
    EXPECT_EQ(queues.status, 200);
    EXPECT_EQ(header(queues, "Access-Control-Allow-Origin"), "");
}

TEST_F(RestCors, OptionsOutsideTheApiIsNotAPreflight) {
    const HttpResult page =
        http_call(port(), Verb::options, "/index.html", {}, {{"Origin", kShop}});
    EXPECT_EQ(page.status, 405);
}

}  // namespace
}  // namespace parley::server::testing
