// Item 6: a page on the same site (another port, a sibling subdomain) rides the staff cookie.
// SameSite=Strict lets the cookie through from the same site, and a `text/plain` POST needs no
// preflight; the server must refuse changes made on the cookie's strength unless they come
// from its own pages as JSON. Bearer tokens, which no browser sends by itself, are unaffected.
#include <gtest/gtest.h>

#include "rest/rest_test_support.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

class CookieChanges : public RestTest {
protected:
    std::string own_origin() const { return "http://127.0.0.1:" + std::to_string(port()); }

    // The admin's browser session: the cookie pair the console's page holds.
    std::string admin_cookie() {
        const HttpResult signed_in =
            http_call(port(), Verb::post, "/api/session",
                      json{{"agent", "admin"}, {"password", "admin-demo"}}.dump());
        EXPECT_EQ(signed_in.status, 200) << signed_in.body;
        const std::string set_cookie = header(signed_in, "Set-Cookie");
        return set_cookie.substr(0, set_cookie.find(';'));
    }

    // POST /api/admin/api-keys with the cookie and these headers.
    HttpResult create_key(const std::string& name, std::map<std::string, std::string> headers) {
        headers["Cookie"] = cookie;
        return http_call(port(), Verb::post, "/api/admin/api-keys", json{{"name", name}}.dump(),
                         headers);
    }

    std::size_t keys() {
        const HttpResult listed =
            api(port(), Verb::get, "/api/admin/api-keys", nullptr, demo_staff(port(), "admin"));
        return listed.json["api_keys"].size();
    }

    std::string cookie = admin_cookie();
};

TEST_F(CookieChanges, Item6_ATextPlainPostFromAnotherPortOfTheSameSiteIsRefused) {
    const HttpResult forged =
        create_key("planted", {{"Origin", "http://127.0.0.1:1"}, {"Content-Type", "text/plain"}});
    EXPECT_EQ(forged.status, 403) << forged.body;
    EXPECT_EQ(forged.json["code"], "cross_site_request");
    EXPECT_FALSE(forged.json.value("message", "").empty());
    EXPECT_EQ(keys(), 0u) << "the forged request changed nothing";
}

TEST_F(CookieChanges, Item6_OwnOriginButNotJsonIsRefused) {
    const HttpResult plain =
        create_key("planted", {{"Origin", own_origin()}, {"Content-Type", "text/plain"}});
    EXPECT_EQ(plain.status, 403) << plain.body;
    EXPECT_EQ(plain.json["code"], "cross_site_request");
    const HttpResult form = create_key(
        "planted",
        {{"Origin", own_origin()}, {"Content-Type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(form.status, 403) << form.body;
    EXPECT_EQ(keys(), 0u);
}

TEST_F(CookieChanges, Item6_ACookieChangeWithoutAnOriginIsRefused) {
    const HttpResult bare = create_key("planted", {{"Content-Type", "application/json"}});
    EXPECT_EQ(bare.status, 403) << bare.body;
    EXPECT_EQ(bare.json["code"], "cross_site_request");
    // A bodiless change too: signing out with the cookie from elsewhere.
    const HttpResult out = http_call(port(), Verb::delete_, "/api/session", {},
                                     {{"Cookie", cookie}, {"Origin", "http://127.0.0.1:1"}});
    EXPECT_EQ(out.status, 403) << out.body;
    EXPECT_EQ(http_call(port(), Verb::get, "/api/session", {}, {{"Cookie", cookie}}).status, 200)
        << "the session still works";
}

TEST_F(CookieChanges, Item6_UploadsWithTheCookieNeedTheServersOwnOrigin) {
    const StartedChat chat = start_chat(port(), "Ann Lee", "A picture");
    const std::string path = "/api/chats/" + chat.chat + "/attachments";
    const std::string png("\x89PNG\r\n\x1a\n0000", 12);
    const HttpResult forged = http_call(
        port(), Verb::post, path, png,
        {{"Cookie", cookie}, {"Origin", "http://127.0.0.1:1"}, {"Content-Type", "image/png"}});
    EXPECT_EQ(forged.status, 403) << forged.body;
    EXPECT_EQ(forged.json["code"], "cross_site_request");
    const HttpResult own =
        http_call(port(), Verb::post, path, png,
                  {{"Cookie", cookie}, {"Origin", own_origin()}, {"Content-Type", "image/png"}});
    EXPECT_NE(own.json.value("code", ""), "cross_site_request") << own.body;
}

TEST_F(CookieChanges, Item6_TheConsolesOwnJsonCallsAndBearerCallsStillWork) {
    const HttpResult own = create_key(
        "console", {{"Origin", own_origin()}, {"Content-Type", "application/json; charset=utf-8"}});
    EXPECT_EQ(own.status, 201) << own.body;
    // Reading with the cookie needs neither.
    EXPECT_EQ(http_call(port(), Verb::get, "/api/admin/api-keys", {}, {{"Cookie", cookie}}).status,
              200);
    // A bearer token is never sent by a browser on its own: no Origin or type needed.
    const HttpResult scripted =
        http_call(port(), Verb::post, "/api/admin/api-keys", json{{"name", "script"}}.dump(),
                  {{"Authorization", "Bearer " + demo_staff(port(), "admin")},
                   {"Content-Type", "text/plain"}});
    EXPECT_EQ(scripted.status, 201) << scripted.body;
    const HttpResult out = http_call(
        port(), Verb::delete_, "/api/session", {},
        {{"Cookie", cookie}, {"Origin", own_origin()}, {"Content-Type", "application/json"}});
    EXPECT_EQ(out.status, 200) << out.body;
}

}  // namespace
}  // namespace parley::server::testing
