// The Admin workspace's REST calls (staff accounts, passwords, API keys: what no core command
// does) and what their answers say, read into plain values for the admin view model. No ImGui.
#pragma once

#include "console/admin_state.h"
#include "core/ids.h"
#include "protocol/rest/organisation_bodies.h"

#include <cstdint>
#include <string>
#include <vector>

namespace parley::console {

struct ApiResult;

// Purposes under which the calls go out; the latest answer to each is kept.
inline constexpr const char* kCreateAgent = "admin.create_agent";
inline constexpr const char* kResetPassword = "admin.reset_password";
inline constexpr const char* kListApiKeys = "admin.list_api_keys";
inline constexpr const char* kCreateApiKey = "admin.create_api_key";
inline constexpr const char* kRevokeApiKey = "admin.revoke_api_key";

// POST /api/admin/agents.
std::string new_agent_body(const NewAgentForm& form);
// PUT /api/admin/agents/{agent}/password.
std::string password_body(const std::string& password);
// POST /api/admin/api-keys.
std::string api_key_body(const std::string& name);

// The latest answer to one purpose, in words.
struct CallOutcome {
    bool asked = false;
    // A call is on its way (the last answer, if any, stays below it).
    bool pending = false;
    // Answered with a 2xx status.
    bool ok = false;
    // The server's sentence when it refused, or why the server could not be reached.
    std::string problem;
    // How many answers this purpose has had.
    std::uint64_t generation = 0;
};

CallOutcome outcome_of(const ApiResult* result);

using ApiKeyRow = protocol::rest::ApiKeyRow;

// The keys in an answer to GET /api/admin/api-keys (none when it is not a good one).
std::vector<ApiKeyRow> api_keys_of(const ApiResult* result);
// The secret in an answer to POST /api/admin/api-keys, shown once (empty when none).
std::string secret_of(const ApiResult* result);

}  // namespace parley::console
