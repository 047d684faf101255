// Reading the Cookie header and writing session cookies.
#include "server/auth/cookies.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace parley::server::auth {
namespace {

TEST(CookieValue, FindsANamedCookieAmongOthers) {
    EXPECT_EQ(cookie_value("a=1; parley_session=abc; b=2", "parley_session"), "abc");
    EXPECT_EQ(cookie_value("a=1;b=2", "b"), "2");
    EXPECT_EQ(cookie_value("  a = 1 ;\tb=2  ", "a"), "1");
    EXPECT_EQ(cookie_value("a=1; b=2", "c"), std::nullopt);
}

TEST(CookieValue, NamesMatchExactly) {
    EXPECT_EQ(cookie_value("xsession=1; session=2", "session"), "2");
    EXPECT_EQ(cookie_value("Session=1", "session"), std::nullopt);
    EXPECT_EQ(cookie_value("session=1", "sess"), std::nullopt);
}

TEST(CookieValue, ToleratesOddHeaders) {
    EXPECT_EQ(cookie_value("", "a"), std::nullopt);
    EXPECT_EQ(cookie_value(";;; a=1 ;;", "a"), "1");
    EXPECT_EQ(cookie_value("a", "a"), std::nullopt);
    EXPECT_EQ(cookie_value("a=", "a"), "");
    EXPECT_EQ(cookie_value("a=x=y", "a"), "x=y");
    EXPECT_EQ(cookie_value("a=\"quoted\"", "a"), "quoted");
    EXPECT_EQ(cookie_value("a=\"", "a"), "\"");
    EXPECT_EQ(cookie_value("a=1; a=2", "a"), "1");
    EXPECT_EQ(cookie_value("=1", ""), std::nullopt);
    EXPECT_EQ(cookie_value(std::string_view("a=1\0; b=2", 9), "b"), "2");
}

TEST(SessionCookie, IsHttpOnlyStrictAndScopedToTheSite) {
    EXPECT_EQ(session_cookie("parley_session", "tok_EN-", 3600, false),
              "parley_session=tok_EN-; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600");
    EXPECT_EQ(session_cookie("parley_session", "tok", 60, true),
              "parley_session=tok; Path=/; HttpOnly; SameSite=Strict; Max-Age=60; Secure");
}

TEST(SessionCookie, ExpiredCookieClearsItAtLogout) {
    EXPECT_EQ(expired_cookie("parley_session", false),
              "parley_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    EXPECT_EQ(expired_cookie("parley_session", true),
              "parley_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure");
    EXPECT_EQ(session_cookie("s", "t", -5, false),
              "s=t; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
}

TEST(SessionCookie, RefusesValuesThatWouldSplitTheHeader) {
    EXPECT_THROW(session_cookie("s", "a; Domain=evil.example", 60, true), std::invalid_argument);
    EXPECT_THROW(session_cookie("s", "a\r\nSet-Cookie: x=y", 60, true), std::invalid_argument);
    EXPECT_THROW(session_cookie("s=", "a", 60, true), std::invalid_argument);
    EXPECT_THROW(session_cookie("", "a", 60, true), std::invalid_argument);
    EXPECT_THROW(expired_cookie("a b", true), std::invalid_argument);
}

}  // namespace
}  // namespace parley::server::auth
