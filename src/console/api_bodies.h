// Reading REST answers as bodies of the contract (src/protocol/rest), never throwing: the last
// good answer's body (kept while the next call is on its way), and the sentence of a refusal.
// No ImGui.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "console/api_calls.h"
#include "protocol/rest/rest_codec.h"

namespace parley::console {

// The last good answer's body, or nothing (no answer yet, a refusal, or a body that is not
// the contract's: the view then shows what it had).
template <class Body>
std::optional<Body> body_of(const ApiResult* result) {
    if (result == nullptr || result->generation == 0 || result->status < 200 ||
        result->status >= 300) {
        return std::nullopt;
    }
    auto decoded = protocol::rest::decode<Body>(result->body);
    if (!decoded) {
        return std::nullopt;
    }
    return std::move(decoded).value();
}

// The server's sentence from a refusal ({"code":…,"message":…}), or "" when it sent none.
std::string refusal_message(const ApiResult& result);

}  // namespace parley::console
