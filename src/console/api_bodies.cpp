#include "console/api_bodies.h"

#include "protocol/rest/error_body.h"

namespace parley::console {

std::string refusal_message(const ApiResult& result) {
    const auto refusal = protocol::rest::decode<protocol::rest::ErrorAnswer>(result.body);
    return refusal ? refusal.value().message : std::string();
}

std::string answer_problem(const ApiResult& result, std::string_view what) {
    const std::string said = refusal_message(result);
    if (!said.empty()) {
        return said;
    }
    if (result.status == 0) {
        return result.body;
    }
    return std::string(what) + " did not come (HTTP " + std::to_string(result.status) +
           "). Try again.";
}

}  // namespace parley::console
