// Where the service desk webhook posts: an http:// URL taken apart for Beast. https needs TLS,
// which this server does not link, so it is refused with a sentence saying so. Standard
// library only.
#pragma once

#include <string>
#include <variant>

namespace parley::server::webhooks {

struct WebhookTarget {
    std::string host;
    std::string port = "80";
    // Path and query, "/" at least.
    std::string target = "/";
};

// The target, or a sentence saying what is wrong with the URL.
std::variant<WebhookTarget, std::string> parse_target(const std::string& url);

}  // namespace parley::server::webhooks
