// The commands the Admin workspace's forms would send with what has been filled in so far. The
// admin view model asks the core about exactly these, so each confirm button is enabled (or
// says why not) by the rules the server will apply. No ImGui.
#pragma once

#include "console/admin_state.h"
#include "core/commands.h"

namespace parley::console {

// CreateQueue for a new queue, UpdateQueue for an existing one.
core::Command queue_command(const QueueForm& form);
core::UpdateAgent profile_command(const AgentForm& form);
core::SetCapacity capacity_command(const AgentForm& form);
// What POST /api/admin/agents runs first for the new account.
core::CreateAgent create_agent_command(const NewAgentForm& form);
// CreateCannedResponse for a new response, UpdateCannedResponse for an existing one.
core::Command canned_command(const CannedForm& form);

}  // namespace parley::console
