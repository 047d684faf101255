// Who may see what: the rule the server applies to every fan-out and REST read, so it lives
// here and nowhere else. Customers see only their own chats and never internal notes, side
// notes, resolution notes or staff business; staff see chats as sees_chat() says; the system
// and integrations see everything. Standard library only.
#pragma once

#include <optional>

#include "core/actor.h"
#include "core/events.h"
#include "core/state.h"

namespace parley::core {

bool may_see_chat(const State& state, const Actor& actor, const Chat& chat);

// The chat an event is about, if any (tickets through their chat).
std::optional<ChatId> chat_of(const State& state, const Event& event);

// The event as `actor` may receive it, or nothing. For customers, staff-only fields (side
// notes, resolution category and notes, reasons) are blanked. Call with the State the event
// was applied to.
std::optional<EventEnvelope> view_for(const State& state, const Actor& actor,
                                      const EventEnvelope& event);

}  // namespace parley::core
