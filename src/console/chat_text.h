// Names and previews of chats as people read them, shared by the view model and the notices.
// No ImGui.
#pragma once

#include "core/state.h"

#include <string_view>

namespace parley::console {

std::string_view customer_name(const core::State& state, const core::Chat& chat);
std::string_view agent_name(const core::State& state, const core::AgentId& id);
// The last thing a person said, for previews.
std::string_view preview_of(const core::Chat& chat);

}  // namespace parley::console
