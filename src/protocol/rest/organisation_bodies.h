// REST bodies of the organisation's lists (queues, agents, canned responses, settings) and of
// the admin routes (staff accounts, API keys): server/README.md, "Organisation" to "API keys".
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/ids.h"
#include "core/model.h"

namespace parley::protocol::rest {

// GET /api/queues
struct QueueRow {
    core::QueueId id = 0;
    std::string name;
    core::RoutingMode mode = core::RoutingMode::pick;
    bool enabled = true;
    bool general = false;
    bool accepts_transfers = true;
    core::Duration reminder_delay = 0;
    core::Duration auto_close_delay = 0;
    core::Duration offer_timeout = 0;
    core::Duration transfer_timeout = 0;
    core::Duration target_wait = 0;
    std::set<core::AgentId> members;
    // Chats waiting in it now.
    std::uint64_t waiting = 0;
};

struct QueueList {
    std::vector<QueueRow> queues;
};

// GET /api/agents
struct AgentRow {
    core::AgentId id;
    std::string name;
    core::Role role = core::Role::agent;
    std::string company;
    core::Presence presence = core::Presence::offline;
    int capacity = 0;
    bool enabled = true;
    std::set<core::QueueId> queues;
    // Active chats plus outstanding offers.
    int load = 0;
};

struct AgentList {
    std::vector<AgentRow> agents;
};

// GET /api/canned-responses
struct CannedResponseRow {
    core::CannedResponseId id = 0;
    std::string title;
    std::string shortcut;
    std::string text;
    // The caller's own, not shared.
    bool personal = false;
};

struct CannedResponseList {
    std::vector<CannedResponseRow> canned_responses;
};

// GET /api/settings
struct SettingsAnswer {
    core::Settings settings;
};

// POST /api/admin/agents
struct CreateStaffAccount {
    core::AgentId id;
    std::string name;
    std::optional<core::Role> role;
    std::optional<std::string> company;
    std::optional<std::uint32_t> capacity;
    std::string password;
    std::vector<core::QueueId> queues;
};

struct StaffAccountCreated {
    core::AgentId id;
    std::string name;
    core::Role role = core::Role::agent;
    std::string company;
    int capacity = 0;
    std::vector<core::QueueId> queues;
};

// PUT /api/admin/agents/{agent}/password
struct ResetPassword {
    std::string password;
};

struct PasswordReset {
    core::AgentId agent;
    bool password_reset = true;
};

// POST /api/admin/api-keys
struct CreateApiKey {
    std::string name;
};

struct ApiKeyRow {
    std::string id;
    std::string name;
    core::AgentId created_by;
    core::Timestamp created_at = 0;
    bool revoked = false;
};

// The only answer that carries the secret.
struct ApiKeyCreated {
    std::string id;
    std::string name;
    core::AgentId created_by;
    core::Timestamp created_at = 0;
    // The whole credential, for Authorization: Bearer.
    std::string key;
};

// GET /api/admin/api-keys
struct ApiKeyList {
    std::vector<ApiKeyRow> api_keys;
};

// DELETE /api/admin/api-keys/{id}
struct ApiKeyRevoked {
    std::string id;
    bool revoked = true;
};

}  // namespace parley::protocol::rest
