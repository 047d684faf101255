// What the read model keeps of a chat: its list columns, who sees it whatever their queues, the
// text it is found by and its figures for analytics. Projected from the State by the core's own
// functions, so the read model restates no rule; it only stores and indexes the answers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/analytics.h"
#include "core/state.h"
#include "protocol/rest/chat_bodies.h"

namespace parley::server::readmodel {

struct ChatProjection {
    core::ChatId chat;
    core::ChatStatus status = core::ChatStatus::queued;
    core::Channel channel = core::Channel::web;
    core::QueueId queue = 0;
    core::CustomerId customer;
    std::string customer_name;
    std::optional<core::AgentId> assignee;
    // The last agent who held it: the chat's operator for search and analytics.
    std::optional<core::AgentId> last_assignee;
    // The agents core::each_agent_in_sight() names, each between spaces (" ann bob "), so
    // "is this agent named" is one substring test.
    std::string sight;
    core::Timestamp created_at = 0;
    std::optional<core::Timestamp> closed_at;
    // The newest message, as the list shows it.
    std::optional<core::Timestamp> last_at;
    std::string last_text;
    core::AuthorKind last_author_kind = core::AuthorKind::system;
    std::string last_author_name;
    std::uint64_t message_count = 0;
    // The UTC day it was created (YYYY-MM-DD): analytics groups by it.
    std::string day;
    core::Metrics metrics;
    bool operator==(const ChatProjection&) const = default;
};

ChatProjection project_chat(const core::State& state, const core::Chat& chat);

// The customer's name, or their id when the State does not know them.
std::string customer_name(const core::State& state, const core::CustomerId& customer);

// The row the staff list shows: queue and operator named as `directory` (agents and queues, as
// now) names them.
protocol::rest::ChatRow list_row(const ChatProjection& chat, const core::State& directory);

// What search matches a chat's customer by: name, contact and id, folded as the knowledge
// search folds (core::fold_for_search).
std::string customer_search_text(const core::State& state, const core::Chat& chat);

// A message as search finds it, or nothing for messages search leaves out (system notices).
// `ordinal` is its place in the chat (0 for the first message).
struct MessageText {
    std::uint64_t ordinal = 0;
    std::string folded;
};
std::optional<MessageText> message_text(const core::Chat& chat, core::MessageId message);

// At most `max_chars` UTF-8 characters, with "…" when something was cut.
std::string preview(const std::string& text, std::size_t max_chars);

}  // namespace parley::server::readmodel
