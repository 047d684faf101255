#include "server/host_allowlist.h"

#include <algorithm>
#include <optional>
#include <string>

namespace parley::server {
namespace {

struct HostName {
    std::string name;  // lower case; an IPv6 literal keeps its brackets
    std::string port;  // empty when the Host named none
};

bool host_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
}

std::optional<HostName> parse_host(std::string_view text) {
    std::string lowered(text);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    HostName host;
    std::string_view rest = lowered;
    if (rest.starts_with('[')) {
        const auto close = rest.find(']');
        if (close == std::string_view::npos ||
            !std::all_of(rest.begin() + 1, rest.begin() + static_cast<std::ptrdiff_t>(close),
                         [](char c) { return host_char(c) || c == ':'; })) {
            return std::nullopt;
        }
        host.name = std::string(rest.substr(0, close + 1));
        rest.remove_prefix(close + 1);
    } else {
        const auto colon = rest.find(':');
        host.name = std::string(rest.substr(0, colon));
        rest.remove_prefix(colon == std::string_view::npos ? rest.size() : colon);
        if (!std::all_of(host.name.begin(), host.name.end(), host_char)) {
            return std::nullopt;
        }
    }
    if (!rest.empty()) {
        if (rest.front() != ':' || rest.size() == 1 || rest.size() > 6 ||
            !std::all_of(rest.begin() + 1, rest.end(),
                         [](char c) { return c >= '0' && c <= '9'; })) {
            return std::nullopt;
        }
        host.port = std::string(rest.substr(1));
    }
    if (host.name.empty()) {
        return std::nullopt;
    }
    return host;
}

// An entry without a port admits the name on any port; a Host without one is on 80 or 443.
bool admits(const HostName& entry, const HostName& requested) {
    if (entry.name != requested.name) {
        return false;
    }
    if (entry.port.empty() || entry.port == requested.port) {
        return true;
    }
    return requested.port.empty() && (entry.port == "80" || entry.port == "443");
}

std::string literal(std::string_view address) {
    return address.find(':') == std::string_view::npos ? std::string(address)
                                                       : "[" + std::string(address) + "]";
}

// "https://support.example.com:8443/" → "support.example.com:8443".
std::string_view authority_of(std::string_view origin) {
    const auto separator = origin.find("://");
    if (separator != std::string_view::npos) {
        origin.remove_prefix(separator + 3);
    }
    return origin.substr(0, origin.find('/'));
}

}  // namespace

bool host_allowed(std::string_view host, std::string_view local_address, unsigned short local_port,
                  const ServerConfig& config) {
    if (std::find(config.allowed_hosts.begin(), config.allowed_hosts.end(), "*") !=
        config.allowed_hosts.end()) {
        return true;
    }
    const auto requested = parse_host(host);
    if (!requested) {
        return false;
    }
    const std::string port = std::to_string(local_port);
    for (const std::string_view name : {std::string_view("localhost"),
                                        std::string_view("127.0.0.1"), std::string_view("[::1]")}) {
        if (admits({std::string(name), port}, *requested)) {
            return true;
        }
    }
    for (const std::string& address : {literal(config.address), literal(local_address)}) {
        if (admits({address, port}, *requested)) {
            return true;
        }
    }
    const auto listed = [&](std::string_view entry) {
        const auto parsed = parse_host(entry);
        return parsed && admits(*parsed, *requested);
    };
    return std::any_of(config.allowed_origins.begin(), config.allowed_origins.end(),
                       [&](const std::string& origin) { return listed(authority_of(origin)); }) ||
           std::any_of(config.allowed_hosts.begin(), config.allowed_hosts.end(), listed);
}

}  // namespace parley::server
