// Origins are compared as parsed (scheme, host, port) triples, never as raw prefixes, so
// "https://parley.example.evil.example" cannot pass for "https://parley.example".
#include "server/auth/origin.h"

#include <algorithm>
#include <optional>

namespace parley::server::auth {
namespace {

struct Origin {
    std::string scheme;
    std::string host;
    std::string port;

    bool operator==(const Origin&) const = default;
};

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lowered(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), lower);
    return out;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_scheme_char(char c) {
    return (lower(c) >= 'a' && lower(c) <= 'z') || is_digit(c) || c == '+' || c == '-' || c == '.';
}

// Letters, digits and the few punctuation marks a DNS name or an IP literal uses; anything
// that could start a path, query, user name or second host is not here.
bool is_host_char(char c) {
    return (lower(c) >= 'a' && lower(c) <= 'z') || is_digit(c) || c == '-' || c == '.' || c == '_';
}

std::string_view default_port(std::string_view scheme) {
    if (scheme == "http" || scheme == "ws") {
        return "80";
    }
    if (scheme == "https" || scheme == "wss") {
        return "443";
    }
    return {};
}

// "host", "host:port", "[v6]" or "[v6]:port", as in a Host header or after "scheme://".
std::optional<Origin> parse_authority(std::string_view scheme, std::string_view authority) {
    Origin origin;
    origin.scheme = lowered(scheme);
    std::string_view host = authority;
    std::string_view port;
    if (authority.starts_with('[')) {
        const auto close = authority.find(']');
        if (close == std::string_view::npos) {
            return std::nullopt;
        }
        host = authority.substr(0, close + 1);
        const std::string_view rest = authority.substr(close + 1);
        if (!rest.empty()) {
            if (rest.front() != ':') {
                return std::nullopt;
            }
            port = rest.substr(1);
            if (port.empty()) {
                return std::nullopt;
            }
        }
        const std::string_view inside = host.substr(1, host.size() - 2);
        if (inside.empty() || !std::all_of(inside.begin(), inside.end(),
                                           [](char c) { return is_host_char(c) || c == ':'; })) {
            return std::nullopt;
        }
    } else {
        if (const auto colon = authority.find(':'); colon != std::string_view::npos) {
            host = authority.substr(0, colon);
            port = authority.substr(colon + 1);
            if (port.empty()) {
                return std::nullopt;
            }
        }
        if (host.empty() || !std::all_of(host.begin(), host.end(), is_host_char)) {
            return std::nullopt;
        }
    }
    if (!std::all_of(port.begin(), port.end(), is_digit) || port.size() > 5) {
        return std::nullopt;
    }
    // Leading zeros name the same port ("08080" is 8080).
    while (port.size() > 1 && port.front() == '0') {
        port.remove_prefix(1);
    }
    origin.host = lowered(host);
    origin.port = port.empty() ? std::string(default_port(origin.scheme)) : std::string(port);
    return origin;
}

std::optional<Origin> parse_origin(std::string_view text) {
    if (text.ends_with('/')) {
        text.remove_suffix(1);
    }
    const auto separator = text.find("://");
    if (separator == std::string_view::npos || separator == 0) {
        return std::nullopt;
    }
    const std::string_view scheme = text.substr(0, separator);
    if (!std::all_of(scheme.begin(), scheme.end(), is_scheme_char)) {
        return std::nullopt;
    }
    return parse_authority(scheme, text.substr(separator + 3));
}

}  // namespace

bool origin_allowed(std::string_view origin, std::string_view host,
                    const std::vector<std::string>& allowed_origins) {
    if (origin.empty()) {
        return true;
    }
    const auto requested = parse_origin(origin);
    if (!requested) {
        return false;
    }
    for (const std::string_view scheme : {"http", "https"}) {
        if (requested == parse_authority(scheme, host)) {
            return true;
        }
    }
    return std::any_of(
        allowed_origins.begin(), allowed_origins.end(),
        [&](const std::string& allowed) { return requested == parse_origin(allowed); });
}

}  // namespace parley::server::auth
