// Widget-only state of the Admin workspace: which screen is up and the forms being filled in.
// A form holds what the admin typed, copied from the replica when they chose what to edit; the
// domain facts stay in the replica. No ImGui.
#pragma once

#include "console/ticket_webhook.h"
#include "core/ids.h"
#include "core/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace parley::console {

enum class AdminTab { queues, agents, canned, settings, api_keys, service_desk };

// A queue being created (no id yet) or edited.
struct QueueForm {
    std::optional<core::QueueId> queue;
    core::QueueConfig config;
};

// An existing staff account's profile and capacity being edited, and a new password for it.
struct AgentForm {
    core::AgentId agent;
    core::AgentProfile profile;
    int capacity = 0;
    std::string new_password;
    // The generation of the last password answer before this form opened (not about it).
    std::uint64_t since = 0;
};

// A staff account to create over REST (POST /api/admin/agents).
struct NewAgentForm {
    core::AgentId agent;
    core::AgentProfile profile;
    int capacity = 3;
    std::string password;
    std::vector<core::QueueId> queues;
    // The generation of the last answer to a creation before this form opened.
    std::uint64_t since = 0;
};

// A canned response being created (no id yet) or edited.
struct CannedForm {
    std::optional<core::CannedResponseId> id;
    std::string title;
    std::string shortcut;
    std::string text;
    bool personal = false;
};

struct AdminState {
    AdminTab tab = AdminTab::queues;
    // Set when something other than the tab bar chose the tab.
    bool select_tab = false;
    std::optional<QueueForm> queue;
    std::optional<AgentForm> agent;
    std::optional<NewAgentForm> new_agent;
    std::optional<CannedForm> canned;
    // The settings as edited; empty while they show the organisation's current ones.
    std::optional<core::Settings> settings;
    // The name of the next API key, and the generation of the key-creating answer the admin
    // dismissed (its secret is shown once, until then).
    std::string api_key_name;
    std::uint64_t dismissed_secret = 0;
    // The generations of the creating and revoking answers the key list was last fetched
    // after: a newer one asks for the list again.
    std::uint64_t listed_after_create = 0;
    std::uint64_t listed_after_revoke = 0;
    // The service desk webhook's settings as edited, and the generation of the last save the
    // settings and delivery log were fetched after.
    WebhookForm webhook;
    std::uint64_t webhook_fetched_after_save = 0;
};

}  // namespace parley::console
