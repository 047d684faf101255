// Signing in and out over REST against a real server: the cookie's flags, bearer tokens,
// wrong passwords and throttling, logout and password changes ending sessions, and the
// answers every route gives to bad requests.
#include "rest/rest_test_support.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

class RestSession : public RestTest {
protected:
    HttpResult sign_in_raw(const json& body) {
        return api(port(), Verb::post, "/api/session", body);
    }
};

TEST_F(RestSession, BrowserSignInSetsAnHttpOnlyStrictCookieAndNoToken) {
    const HttpResult result = sign_in_raw({{"agent", "maria"}, {"password", "maria-demo"}});
    ASSERT_EQ(result.status, 200) << result.body;
    EXPECT_FALSE(result.json.contains("token"));
    EXPECT_EQ(result.json["actor"]["id"], "maria");
    const std::string cookie = header(result, "Set-Cookie");
    EXPECT_NE(cookie.find("parley_session="), std::string::npos);
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);

    const std::string pair = cookie.substr(0, cookie.find(';'));
    const HttpResult me = http_call(port(), Verb::get, "/api/session", {}, {{"Cookie", pair}});
    EXPECT_EQ(me.status, 200) << me.body;
    EXPECT_EQ(me.json["actor"]["kind"], "agent");
}

TEST_F(RestSession, NativeSignInGetsABearerToken) {
    const std::string token = sign_in(port(), "ivan", "ivan-demo");
    ASSERT_FALSE(token.empty());
    const HttpResult me = api(port(), Verb::get, "/api/session", nullptr, token);
    EXPECT_EQ(me.status, 200);
    EXPECT_EQ(me.json["actor"]["id"], "ivan");
}

TEST_F(RestSession, WrongPasswordIs401) {
    const HttpResult result = sign_in_raw({{"agent", "maria"}, {"password", "not-hers"}});
    EXPECT_EQ(result.status, 401);
    EXPECT_EQ(result.json["code"], "wrong_credentials");
    const HttpResult nobody = sign_in_raw({{"agent", "nobody"}, {"password", "whatever1"}});
    EXPECT_EQ(nobody.status, 401);
    EXPECT_EQ(nobody.json["code"], "wrong_credentials");
}

TEST_F(RestSession, RepeatedFailuresAreThrottledEvenForTheRightPassword) {
    for (int attempt = 0; attempt < 5; ++attempt) {
        EXPECT_EQ(sign_in_raw({{"agent", "chen"}, {"password", "guess"}}).status, 401);
    }
    const HttpResult locked = sign_in_raw({{"agent", "chen"}, {"password", "chen-demo"}});
    EXPECT_EQ(locked.status, 429) << locked.body;
    EXPECT_EQ(locked.json["code"], "too_many_attempts");
}

TEST_F(RestSession, SignOutMakesTheTokenUseless) {
    const std::string token = sign_in(port(), "maria", "maria-demo");
    const HttpResult out = api(port(), Verb::delete_, "/api/session", nullptr, token);
    EXPECT_EQ(out.status, 200) << out.body;
    EXPECT_NE(header(out, "Set-Cookie").find("Max-Age=0"), std::string::npos);
    const HttpResult after = api(port(), Verb::get, "/api/session", nullptr, token);
    EXPECT_EQ(after.status, 401);
    EXPECT_EQ(api(port(), Verb::get, "/api/queues", nullptr, token).status, 401);
}

TEST_F(RestSession, PasswordChangeEndsEverySessionAndTheOldPassword) {
    const std::string first = sign_in(port(), "maria", "maria-demo");
    const std::string second = sign_in(port(), "maria", "maria-demo");
    const HttpResult changed =
        api(port(), Verb::post, "/api/session/password",
            {{"current_password", "maria-demo"}, {"new_password", "a much longer secret"}}, first);
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(api(port(), Verb::get, "/api/session", nullptr, first).status, 401);
    EXPECT_EQ(api(port(), Verb::get, "/api/session", nullptr, second).status, 401);
    EXPECT_EQ(sign_in_raw({{"agent", "maria"}, {"password", "maria-demo"}}).status, 401);
    EXPECT_FALSE(sign_in(port(), "maria", "a much longer secret").empty());
}

TEST_F(RestSession, WrongCurrentPasswordChangesNothing) {
    const std::string token = sign_in(port(), "ivan", "ivan-demo");
    const HttpResult refused =
        api(port(), Verb::post, "/api/session/password",
            {{"current_password", "wrong"}, {"new_password", "another secret"}}, token);
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(api(port(), Verb::get, "/api/session", nullptr, token).status, 200);
}

TEST_F(RestSession, MalformedJsonIs400) {
    const HttpResult result = http_call(port(), Verb::post, "/api/session", "{\"agent\": ");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["code"], "malformed_json");
    const HttpResult array = http_call(port(), Verb::post, "/api/session", "[1, 2]");
    EXPECT_EQ(array.status, 400);
    EXPECT_EQ(array.json["code"], "malformed_json");
}

TEST_F(RestSession, WrongTypesAre400NamingTheField) {
    const HttpResult object =
        sign_in_raw({{"agent", {{"id", "maria"}}}, {"password", "maria-demo"}});
    EXPECT_EQ(object.status, 400);
    EXPECT_EQ(object.json["code"], "wrong_type");
    EXPECT_NE(object.json["message"].get<std::string>().find("agent"), std::string::npos);
    const HttpResult flag =
        sign_in_raw({{"agent", "maria"}, {"password", "maria-demo"}, {"bearer", "yes"}});
    EXPECT_EQ(flag.status, 400);
    EXPECT_EQ(flag.json["code"], "wrong_type");
    const HttpResult missing = sign_in_raw({{"agent", "maria"}});
    EXPECT_EQ(missing.status, 400);
    EXPECT_EQ(missing.json["code"], "missing_field");
}

TEST_F(RestSession, UnknownRoutesAndMethodsAndMissingCredentials) {
    const HttpResult unknown = api(port(), Verb::get, "/api/nothing/here");
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.json["code"], "not_found");
    EXPECT_EQ(api(port(), Verb::patch, "/api/session").status, 405);
    const HttpResult anonymous = api(port(), Verb::get, "/api/chats");
    EXPECT_EQ(anonymous.status, 401);
    EXPECT_EQ(anonymous.json["code"], "not_signed_in");
    const HttpResult junk = api(port(), Verb::get, "/api/chats", nullptr, "not-a-token");
    EXPECT_EQ(junk.status, 401);
}

}  // namespace
}  // namespace parley::server::testing
