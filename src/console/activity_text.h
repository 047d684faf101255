// A chat's hand-overs and escalations (core::Activity) in the sentences the transcript shows
// staff: "Maria transferred the chat to Ivan: Knows billing". No ImGui.
#pragma once

#include "core/state.h"

#include <string>

namespace parley::console {

std::string activity_text(const core::State& state, const core::Activity& activity);

}  // namespace parley::console
