// Keeps State's indexes in step with its entities: which set a chat or an agent belongs in.
// Used by apply() around every change and by rebuild_indexes(). Internal to the core.
// Standard library only.
#pragma once

#include "core/state.h"

namespace parley::core {

// Removes or adds every index entry derived from `chat` (waiting FIFO, timers, agent loads).
void unindex_chat(State& state, const Chat& chat);
void index_chat(State& state, const Chat& chat);

// Just the inactivity timers of an active chat (to_remind, to_auto_close): what a message
// changes.
void unindex_awaiting(State& state, const Chat& chat);
void index_awaiting(State& state, const Chat& chat);

// Removes the agent from its queues' available sets / lists it again if eligible (online,
// enabled, load below capacity) under its current load and idle time.
void unlist_agent(State& state, const AgentId& agent);
void list_agent(State& state, const AgentId& agent);

}  // namespace parley::core
