// Widget-only state of the Admin workspace: which screen is up and the forms being filled in.
// A form holds what the admin typed, copied from the replica when they chose what to edit; the
// domain facts stay in the replica. No ImGui.
#pragma once

#include "core/ids.h"
#include "core/model.h"

#include <optional>
#include <string>
#include <vector>

namespace parley::console {

enum class AdminTab { queues, agents, canned, settings, api_keys };

// A queue being created (no id yet) or edited.
struct QueueForm {
    std::optional<core::QueueId> queue;
    core::QueueConfig config;
};

// An existing staff account's profile and capacity being edited.
struct AgentForm {
    core::AgentId agent;
    core::AgentProfile profile;
    int capacity = 0;
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
    std::optional<CannedForm> canned;
    // The settings as edited; empty while they show the organisation's current ones.
    std::optional<core::Settings> settings;
};

}  // namespace parley::console
