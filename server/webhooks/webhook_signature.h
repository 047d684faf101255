// The webhook's signature: "sha256=" and the hex HMAC-SHA256 of the body under the shared
// secret, sent as X-Parley-Signature so the receiver can check the payload came from us.
#pragma once

#include <string>
#include <string_view>

namespace parley::server::webhooks {

std::string sign(std::string_view secret, std::string_view body);

}  // namespace parley::server::webhooks
