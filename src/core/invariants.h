// DESIGN.md's invariants as checks that tests run after every event. Each returns the
// violations found, as sentences; empty means all hold. Standard library only.
//
// How pending_transfer fits "active exactly when it has an assignee": a chat pending transfer
// has no assignee (the sender let go of it at once, seed 003) and is not active; the target
// holds it only once it accepts. Likewise an offered chat has no assignee, only an offer.
#pragma once

#include <string>
#include <vector>

#include "core/events.h"
#include "core/state.h"

namespace parley::core {

// Holds on any State: assignee ⇔ active, offer ⇔ offered, pending transfer ⇔
// pending_transfer, closed chats have a resolution, message and note ids strictly increase
// within a chat and stay below the counters, tickets and chats point at each other, every
// agent and queue referenced exists, and the indexes equal a rebuild from the entities.
std::vector<std::string> check_state(const State& state);

// Holds for `event` about to be applied to `before`: an event that adds a chat to an agent's
// load (an offer, or an assignment other than from the Transferred list or of a chat already
// offered to them) needs free capacity, so load ≤ capacity but for the transfer rule.
// (Lowering a capacity below the current load is allowed; the agent then gets nothing new.)
std::vector<std::string> check_event(const State& before, const EventEnvelope& event);

}  // namespace parley::core
