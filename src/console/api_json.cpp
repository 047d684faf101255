#include "console/api_json.h"

#include "console/api_calls.h"

namespace parley::console {

nlohmann::json body_of(const ApiResult* result) {
    if (result == nullptr || result->generation == 0 || result->status < 200 ||
        result->status >= 300) {
        return nullptr;
    }
    nlohmann::json body = nlohmann::json::parse(result->body, nullptr, false);
    return body.is_discarded() ? nlohmann::json(nullptr) : body;
}

std::string text_at(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

core::Timestamp time_at(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_number_integer() ? found->get<core::Timestamp>() : 0;
}

bool flag_at(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_boolean() && found->get<bool>();
}

}  // namespace parley::console
