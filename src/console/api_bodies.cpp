#include "console/api_bodies.h"

#include "protocol/rest/error_body.h"

namespace parley::console {

std::string refusal_message(const ApiResult& result) {
    const auto refusal = protocol::rest::decode<protocol::rest::ErrorAnswer>(result.body);
    return refusal ? refusal.value().message : std::string();
}

}  // namespace parley::console
