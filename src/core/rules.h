// Rules that both decide() and the queries need, so they exist once: seed 003's company
// filter table for transfer candidates. Standard library only.
#pragma once

#include <vector>

#include "core/state.h"

namespace parley::core {

// Seed 003: General queue & filter off → every online agent; General & on → online agents of
// the customer's company; other queue & off → online members of the queue; other & on →
// online members of the queue from the customer's company. Never the agent holding it.
bool is_transfer_candidate(const State& state, const Chat& chat, const Agent& target);

// Every candidate of the table above, in id order.
std::vector<AgentId> transfer_candidate_agents(const State& state, const Chat& chat);

// Enabled queues other than the chat's that accept transfers, in id order.
std::vector<QueueId> transfer_candidate_queues(const State& state, const Chat& chat);

// What a chat id may look like: short, and safe in URLs, logs and JSON without escaping.
bool is_valid_chat_id(const ChatId& chat);

}  // namespace parley::core
