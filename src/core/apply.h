// apply(): folds one event into State. Pure and total: it trusts decide() and never refuses;
// an event naming something unknown changes nothing. Keeps the indexes in step.
// Standard library only.
#pragma once

#include <vector>

#include "core/events.h"
#include "core/state.h"

namespace parley::core {

void apply(State& state, const EventEnvelope& event);
// The same, moving message text and attachments into State instead of copying them.
void apply(State& state, EventEnvelope&& event);
void apply(State& state, const std::vector<EventEnvelope>& events);

// What a chat's own history shows of its archiving: the chat stays, marked archived at `at`
// (apply() removes it from the live State instead).
void mark_archived(State& state, const ChatArchived& archived, Timestamp at);

}  // namespace parley::core
