#include "console/ticket_webhook.h"

#include "console/api_calls.h"

#include <nlohmann/json.hpp>

#include <type_traits>

namespace parley::console {

namespace {

nlohmann::json good_body(const ApiResult* result) {
    if (result == nullptr || !result->ok()) {
        return nullptr;
    }
    nlohmann::json body = nlohmann::json::parse(result->body, nullptr, false);
    return body.is_discarded() ? nlohmann::json(nullptr) : body;
}

// Reads a field of the expected type, or the fallback when missing or mistyped.
template <class T>
T field_or(const nlohmann::json& object, const char* key, T fallback) {
    const auto found = object.find(key);
    if (found == object.end()) {
        return fallback;
    }
    if constexpr (std::is_same_v<T, std::string>) {
        return found->is_string() ? found->get<std::string>() : fallback;
    } else if constexpr (std::is_same_v<T, bool>) {
        return found->is_boolean() ? found->get<bool>() : fallback;
    } else {
        return found->is_number_integer() ? found->get<T>() : fallback;
    }
}

template <class T>
std::optional<T> optional_field(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end() || !found->is_number_integer()) {
        return std::nullopt;
    }
    return found->get<T>();
}

}  // namespace

std::string webhook_body(const WebhookForm& form) {
    nlohmann::json body = {{"url", form.url}, {"enabled", form.enabled}};
    if (!form.secret.empty()) {
        body["secret"] = form.secret;
    }
    return body.dump();
}

std::optional<WebhookSettingsView> webhook_settings_of(const ApiResult* result) {
    const nlohmann::json body = good_body(result);
    if (!body.is_object() || !body.contains("webhook") || !body["webhook"].is_object()) {
        return std::nullopt;
    }
    const nlohmann::json& hook = body["webhook"];
    return WebhookSettingsView{
        field_or<std::string>(hook, "url", ""), field_or(hook, "enabled", false),
        field_or(hook, "secret_set", false), field_or<std::string>(hook, "secret_hint", "")};
}

std::vector<DeliveryRow> deliveries_of(const ApiResult* result) {
    std::vector<DeliveryRow> rows;
    const nlohmann::json body = good_body(result);
    if (!body.is_object() || !body.contains("deliveries") || !body["deliveries"].is_array()) {
        return rows;
    }
    for (const nlohmann::json& row : body["deliveries"]) {
        if (!row.is_object()) {
            continue;
        }
        rows.push_back(
            {field_or<std::int64_t>(row, "id", 0), field_or<core::TicketId>(row, "ticket", 0),
             field_or<std::string>(row, "event", ""), field_or<std::string>(row, "status", ""),
             field_or(row, "attempts", 0), field_or<core::Timestamp>(row, "created_at", 0),
             optional_field<core::Timestamp>(row, "last_attempt_at"),
             optional_field<int>(row, "last_status_code"),
             field_or<std::string>(row, "last_error", "")});
    }
    return rows;
}

}  // namespace parley::console
