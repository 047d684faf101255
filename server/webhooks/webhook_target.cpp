// Parsing the webhook URL.
#include "server/webhooks/webhook_target.h"

#include <algorithm>
#include <cctype>

namespace parley::server::webhooks {

std::variant<WebhookTarget, std::string> parse_target(const std::string& url) {
    constexpr std::string_view kHttp = "http://";
    if (url.rfind("https://", 0) == 0) {
        return std::string(
            "https URLs are not supported: this server sends webhooks without "
            "TLS. Use an http:// URL inside your network, or a TLS proxy.");
    }
    if (url.rfind(kHttp, 0) != 0)
        return std::string("The URL must start with http://.");
    if (std::any_of(url.begin(), url.end(), [](char c) {
            return std::isspace(static_cast<unsigned char>(c)) ||
                   std::iscntrl(static_cast<unsigned char>(c));
        })) {
        return std::string("The URL must not contain spaces or control characters.");
    }
    const std::string rest = url.substr(kHttp.size());
    const std::size_t slash = rest.find('/');
    const std::string authority = rest.substr(0, slash);
    WebhookTarget target;
    if (slash != std::string::npos)
        target.target = rest.substr(slash);
    if (authority.find('@') != std::string::npos)
        return std::string("The URL must not carry a user name or password.");
    const std::size_t colon = authority.rfind(':');
    target.host = authority.substr(0, colon);
    if (colon != std::string::npos) {
        target.port = authority.substr(colon + 1);
        const bool digits = !target.port.empty() && target.port.size() <= 5 &&
                            std::all_of(target.port.begin(), target.port.end(), [](char c) {
                                return std::isdigit(static_cast<unsigned char>(c));
                            });
        if (!digits || std::stoi(target.port) == 0 || std::stoi(target.port) > 65535)
            return std::string("The URL's port must be a number from 1 to 65535.");
    }
    if (target.host.empty())
        return std::string("The URL names no host.");
    return target;
}

}  // namespace parley::server::webhooks
