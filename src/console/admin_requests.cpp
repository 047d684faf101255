#include "console/admin_requests.h"

#include "console/api_calls.h"
#include "console/api_json.h"
#include "core/names.h"

#include <nlohmann/json.hpp>

namespace parley::console {

std::string new_agent_body(const NewAgentForm& form) {
    return nlohmann::json{{"id", form.agent},
                          {"name", form.profile.name},
                          {"role", core::to_string(form.profile.role)},
                          {"company", form.profile.company},
                          {"capacity", form.capacity},
                          {"password", form.password},
                          {"queues", form.queues}}
        .dump();
}

std::string password_body(const std::string& password) {
    return nlohmann::json{{"password", password}}.dump();
}

std::string api_key_body(const std::string& name) {
    return nlohmann::json{{"name", name}}.dump();
}

CallOutcome outcome_of(const ApiResult* result) {
    CallOutcome outcome;
    if (result == nullptr) {
        return outcome;
    }
    outcome.asked = true;
    outcome.pending = result->pending;
    outcome.generation = result->generation;
    if (result->pending || result->generation == 0) {
        return outcome;
    }
    outcome.ok = result->ok();
    if (outcome.ok) {
        return outcome;
    }
    if (result->status == 0) {
        outcome.problem = result->body;
        return outcome;
    }
    const nlohmann::json body = nlohmann::json::parse(result->body, nullptr, false);
    outcome.problem = body.is_object() ? text_at(body, "message") : std::string();
    if (outcome.problem.empty()) {
        outcome.problem = "The server answered " + std::to_string(result->status) + ".";
    }
    return outcome;
}

std::vector<ApiKeyRow> api_keys_of(const ApiResult* result) {
    std::vector<ApiKeyRow> rows;
    const nlohmann::json body = body_of(result);
    if (!body.is_object() || !body.contains("api_keys") || !body["api_keys"].is_array()) {
        return rows;
    }
    for (const nlohmann::json& key : body["api_keys"]) {
        if (key.is_object()) {
            rows.push_back({text_at(key, "id"), text_at(key, "name"), text_at(key, "created_by"),
                            time_at(key, "created_at"), flag_at(key, "revoked")});
        }
    }
    return rows;
}

std::string secret_of(const ApiResult* result) {
    const nlohmann::json body = body_of(result);
    return body.is_object() ? text_at(body, "key") : std::string();
}

}  // namespace parley::console
