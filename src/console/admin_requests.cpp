#include "console/admin_requests.h"

#include "console/api_bodies.h"
#include "protocol/rest/organisation_bodies.h"

namespace parley::console {

namespace body = protocol::rest;

std::string new_agent_body(const NewAgentForm& form) {
    return body::encode(body::CreateStaffAccount{form.agent, form.profile.name, form.profile.role,
                                                 form.profile.company, form.capacity, form.password,
                                                 form.queues});
}

std::string password_body(const std::string& password) {
    return body::encode(body::ResetPassword{password});
}

std::string api_key_body(const std::string& name) {
    return body::encode(body::CreateApiKey{name});
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
    outcome.problem = refusal_message(*result);
    if (outcome.problem.empty()) {
        outcome.problem = "The server answered " + std::to_string(result->status) + ".";
    }
    return outcome;
}

std::vector<ApiKeyRow> api_keys_of(const ApiResult* result) {
    auto list = body_of<body::ApiKeyList>(result);
    return list ? std::move(list->api_keys) : std::vector<ApiKeyRow>{};
}

std::string secret_of(const ApiResult* result) {
    const auto created = body_of<body::ApiKeyCreated>(result);
    return created ? created->key : std::string();
}

}  // namespace parley::console
