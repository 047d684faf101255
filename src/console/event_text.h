// An event of a chat's history in words, for the History workspace: who caused it and what it
// did ("Maria Garcia accepted the chat", "Ann Lee wrote: Where is my invoice?"). Hand-overs
// and escalations read exactly as the transcript's system lines (activity_text). No ImGui.
#pragma once

#include "core/events.h"
#include "core/state.h"

#include <string>

namespace parley::console {

// The customer's or agent's name, "Integration key_…" or "Parley" (routing and timers).
std::string actor_text(const core::State& state, const core::Actor& actor);

// One line: a message's or note's first line only.
std::string event_text(const core::State& state, const core::EventEnvelope& event);

}  // namespace parley::console
