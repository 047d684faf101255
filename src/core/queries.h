// Read-only questions the console and the server ask about a State: an agent's lists,
// transfer candidates, which actions an actor may take on a chat (and why not), a waiting
// customer's position, chat search (who may see what is in visibility.h, included here).
// Pure functions; the rules they report come from decide() and rules.h, never restated
// here. Standard library only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/actor.h"
#include "core/rejection.h"
#include "core/state.h"
#include "core/visibility.h"

namespace parley::core {

// [SECTION] An agent's lists

// Chats offered to the agent, then queued chats of the agent's queues, oldest first.
std::vector<ChatId> queue_list(const State& state, const AgentId& agent);
// Chats pending transfer to the agent.
std::vector<ChatId> transferred_list(const State& state, const AgentId& agent);
// Chats the agent holds.
std::vector<ChatId> my_chats(const State& state, const AgentId& agent);

// [SECTION] Transfers

struct TransferCandidates {
    std::vector<AgentId> agents;
    std::vector<QueueId> queues;
    bool operator==(const TransferCandidates&) const = default;
};
TransferCandidates transfer_candidates(const State& state, ChatId chat);

// [SECTION] Allowed actions

// Everything a person can do to one chat. Wire names via to_string(ChatAction) below.
enum class ChatAction {
    accept,
    reject_offer,
    accept_transfer,
    decline_transfer,
    transfer_to_agent,
    transfer_to_queue,
    release,
    close,
    mark_solved,
    abandon,
    cancel,
    customer_cancel,
    post_customer_message,
    post_agent_message,
    add_note,
    create_ticket,
    request_supervisor,
    join,
    reassign,
    force_close,
    submit_csat,
    email_customer,
    link_ticket
};
// How many actions there are: the last one above plus one.
inline constexpr std::size_t kChatActionCount =
    static_cast<std::size_t>(ChatAction::link_ticket) + 1;
std::string_view to_string(ChatAction action);

struct ActionCheck {
    ChatAction action = ChatAction::accept;
    // Why decide() would refuse it; empty when allowed (arguments still to be chosen).
    std::optional<Rejection> refused;
    bool allowed() const { return !refused.has_value(); }
    bool operator==(const ActionCheck&) const = default;
};

// Probes decide() with each action's command (arguments left empty): allowed when decide
// accepts it or refuses only for a missing argument.
ActionCheck check_action(const State& state, ChatId chat, const Actor& actor, ChatAction action,
                         Timestamp at);
std::vector<ActionCheck> allowed_actions(const State& state, ChatId chat, const Actor& actor,
                                         Timestamp at);
// Whether decide() would let `actor` link `ticket` to `chat` now (the customer's own ticket,
// still open, to a chat without one): what a link dialog offers.
bool may_link_ticket(const State& state, ChatId chat, TicketId ticket, const Actor& actor,
                     Timestamp at);

// [SECTION] Waiting customers

struct QueuePosition {
    // 1 for the next chat to be taken.
    std::size_t position = 0;
    std::size_t waiting = 0;
    // Position times the queue's average wait so far (its target wait before any history).
    Duration estimated_wait = 0;
    bool operator==(const QueuePosition&) const = default;
};
std::optional<QueuePosition> queue_position(const State& state, ChatId chat);
// Every waiting chat of the queue with its position, in queue order: one walk of the queue, where
// asking queue_position for each would walk it once per chat.
std::vector<std::pair<ChatId, QueuePosition>> queue_positions(const State& state, QueueId queue);

// [SECTION] Search

// Empty fields match everything; text fields match case-insensitively (ASCII) as substrings.
struct ChatFilter {
    // The customer's name, contact (an e-mail address) or id.
    std::string customer = {};
    // The agent who holds or last held the chat (name or id).
    std::string operator_name = {};
    // Customer and agent messages.
    std::string content = {};
    std::optional<ChatStatus> status = {};
    std::optional<Channel> channel = {};
    std::optional<QueueId> queue = {};
    // Created within [from, to).
    std::optional<Timestamp> from = {};
    std::optional<Timestamp> to = {};
};
// Newest first.
std::vector<ChatId> search_chats(const State& state, const ChatFilter& filter);
// ChatFilter::operator_name's test of one agent: `text` in the agent's name or id.
bool operator_matches(const State& state, const AgentId& agent, const std::string& text);

// [SECTION] Conversation state

// The customer wrote last: the chat needs a reply ("awaiting response" is the opposite).
bool needs_reply(const Chat& chat);

}  // namespace parley::core
