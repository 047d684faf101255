// Cookie header parsing is lenient (browsers and proxies vary); Set-Cookie writing is strict.
#include "server/auth/cookies.h"

#include <algorithm>
#include <stdexcept>

namespace parley::server::auth {
namespace {

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

// RFC 6265 cookie-octet: visible ASCII except the quote, comma, semicolon and backslash.
bool is_cookie_octet(char c) {
    return c > ' ' && c < 0x7F && c != '"' && c != ',' && c != ';' && c != '\\';
}

// RFC 7230 token characters, which a cookie name must be.
bool is_token_char(char c) {
    return c > ' ' && c < 0x7F &&
           std::string_view("()<>@,;:\\\"/[]?={}").find(c) == std::string_view::npos;
}

std::string set_cookie(std::string_view name, std::string_view value, std::int64_t max_age,
                       bool secure) {
    if (name.empty() || !std::all_of(name.begin(), name.end(), is_token_char) ||
        !std::all_of(value.begin(), value.end(), is_cookie_octet)) {
        throw std::invalid_argument("A cookie name or value holds a character cookies forbid.");
    }
    std::string cookie(name);
    cookie += '=';
    cookie += value;
    cookie += "; Path=/; HttpOnly; SameSite=Strict; Max-Age=";
    cookie += std::to_string(std::max<std::int64_t>(0, max_age));
    if (secure) {
        cookie += "; Secure";
    }
    return cookie;
}

}  // namespace

std::optional<std::string> cookie_value(std::string_view cookie_header, std::string_view name) {
    if (name.empty()) {
        return std::nullopt;
    }
    while (!cookie_header.empty()) {
        const auto end = std::min(cookie_header.find(';'), cookie_header.size());
        const std::string_view pair = cookie_header.substr(0, end);
        cookie_header.remove_prefix(std::min(end + 1, cookie_header.size()));
        const auto equals = pair.find('=');
        if (equals == std::string_view::npos || trimmed(pair.substr(0, equals)) != name) {
            continue;
        }
        std::string_view value = trimmed(pair.substr(equals + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
            value = value.substr(1, value.size() - 2);
        }
        return std::string(value);
    }
    return std::nullopt;
}

std::string session_cookie(std::string_view name, std::string_view token,
                           std::int64_t max_age_seconds, bool secure) {
    return set_cookie(name, token, max_age_seconds, secure);
}

std::string expired_cookie(std::string_view name, bool secure) {
    return set_cookie(name, {}, 0, secure);
}

}  // namespace parley::server::auth
