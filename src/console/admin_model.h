// What the Admin workspace's screens read: the organisation's queues, staff accounts, canned
// responses and settings from the replica, and the core's verdict on every command a button
// there would send (each form's, each enable/disable and membership change). Built only while
// the workspace is open. Pointers and views refer to the replica, valid for the frame. No ImGui.
#pragma once

#include "console/admin_requests.h"
#include "console/admin_state.h"
#include "console/ticket_webhook.h"
#include "console/view_model.h"
#include "core/state.h"

#include <string>
#include <string_view>
#include <vector>

namespace parley::console {

class ApiCalls;

// One queue-and-agent pair: whether the agent is in the queue, and the core's verdict on
// adding or removing them.
struct Membership {
    core::QueueId queue = 0;
    std::string_view queue_name;
    core::AgentId agent;
    std::string_view agent_name;
    bool member = false;
    ActionState change;
};

struct AdminQueueRow {
    const core::Queue* queue = nullptr;
    std::size_t waiting = 0;
    // Enabling or disabling it.
    ActionState toggle;
};

struct AdminAgentRow {
    const core::Agent* agent = nullptr;
    // Its queues' names, "General, Billing".
    std::string queues;
    int load = 0;
    ActionState toggle;
};

struct AdminCannedRow {
    const core::CannedResponse* response = nullptr;
    // The owner's name for a personal response; empty for a shared one.
    std::string_view owner;
    ActionState remove;
};

struct AdminView {
    // The screen this was built for.
    AdminTab tab = AdminTab::queues;
    std::vector<AdminQueueRow> queues;
    std::vector<AdminAgentRow> agents;
    std::vector<AdminCannedRow> canned;
    const core::Settings* settings = nullptr;

    // The open forms' commands as the core judges them.
    ActionState queue_save;
    // Every agent against the queue being edited.
    std::vector<Membership> queue_members;
    ActionState profile_save;
    ActionState capacity_save;
    // Every queue against the agent being edited.
    std::vector<Membership> agent_queues;
    ActionState new_agent_save;
    // The queues a new account may join.
    std::vector<CandidateQueue> queue_choices;
    ActionState canned_save;
    ActionState settings_save;
    // Whether the edited settings differ from the organisation's.
    bool settings_changed = false;

    // Answers to the workspace's REST calls.
    CallOutcome create_agent_answer;
    CallOutcome password_answer;
    CallOutcome list_keys_answer;
    CallOutcome create_key_answer;
    CallOutcome revoke_key_answer;
    std::vector<ApiKeyRow> api_keys;
    // The key list wants fetching: never fetched, or a key was created or revoked since.
    bool refresh_api_keys = false;
    // The secret of the key just created, until the admin dismisses it.
    std::string new_secret;

    // The service desk webhook: its settings and delivery log as the server last sent them.
    CallOutcome webhook_answer;
    CallOutcome webhook_save_answer;
    CallOutcome deliveries_answer;
    std::optional<WebhookSettingsView> webhook;
    std::vector<DeliveryRow> deliveries;
    // Never fetched, or saved since.
    bool refresh_webhook = false;
};

AdminView build_admin_view(const core::State& state, const core::Actor& actor,
                           const AdminState& admin, const ApiCalls* api, core::Timestamp now);

}  // namespace parley::console
