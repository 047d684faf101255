// Reading REST answers as bodies of the contract (src/protocol/rest), never throwing: the last
// good answer's body (kept while the next call is on its way), and the sentence of a refusal.
// No ImGui.
#pragma once

#include <optional>
#include <string>
#include <string_view>
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

// The refusal's sentence, or one saying that `what` did not come (with the HTTP status, or why
// the request never got an answer).
std::string answer_problem(const ApiResult& result, std::string_view what);

// A list or figures read from the server (its read model holds what the replica does not) are
// read again this long after they came, once the replica has changed since.
inline constexpr core::Duration kRereadAfter = 5 * core::kSecond;

}  // namespace parley::console
