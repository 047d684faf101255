// The session cookie: reading it from a Cookie header and writing the Set-Cookie values that
// log in and out. HttpOnly keeps it from scripts; SameSite=Strict keeps other sites' pages from
// sending it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parley::server::auth {

// The value of the first cookie with this name in a Cookie header ("a=1; b=2"), without
// surrounding quotes; nothing when absent. Never throws, whatever the header holds.
std::optional<std::string> cookie_value(std::string_view cookie_header, std::string_view name);

// "name=token; Path=/; HttpOnly; SameSite=Strict; Max-Age=N", plus "; Secure" when served over
// HTTPS. Throws std::invalid_argument if name or token hold characters a cookie may not, so a
// bad value can never split the header.
std::string session_cookie(std::string_view name, std::string_view token,
                           std::int64_t max_age_seconds, bool secure);

// The Set-Cookie value that makes the browser drop the session cookie at logout.
std::string expired_cookie(std::string_view name, bool secure);

}  // namespace parley::server::auth
