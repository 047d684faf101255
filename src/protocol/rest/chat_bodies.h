// REST bodies of chats, messages, attachments, the chat list and transcripts
// (server/README.md, "Chats" to "Transcripts").
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/ids.h"
#include "core/model.h"
#include "core/queries.h"

namespace parley::protocol::rest {

// A queue named by its name ("Billing") or its id (2).
struct QueueRef {
    std::variant<std::string, core::QueueId> value;
};

// POST /api/chats by a customer (no credential).
struct StartCustomerChat {
    std::string name;
    std::string email;
    std::optional<std::string> company;
    std::optional<QueueRef> queue;
    std::optional<std::string> topic;
    std::optional<std::string> question;
};

// POST /api/chats by an integration: the customer it hands over, and its bot's context.
struct HandedOverCustomer {
    std::string name;
    std::optional<std::string> contact;
    std::optional<std::string> company;
    std::optional<std::string> external_id;
};

// A line of the bot's conversation before the hand-over.
struct BotLine {
    std::string speaker;
    std::string text;
    std::optional<core::Timestamp> at;
};

struct StartIntegrationChat {
    HandedOverCustomer customer;
    std::optional<core::Channel> channel;
    std::optional<QueueRef> queue;
    std::optional<std::string> topic;
    std::optional<std::string> question;
    std::vector<BotLine> bot_transcript;
    std::optional<std::string> intent;
    std::map<std::string, std::string> context;
    std::map<std::string, std::string> external_ids;
};

struct ChatStarted {
    core::ChatId chat;
    core::CustomerId customer;
    std::string token;
    core::Timestamp expires_at = 0;
};

// GET /api/chats/{chat}: the chat as the caller may see it (core::chat_for), and while it
// waits, its place in the queue.
struct ChatAnswer : core::Chat {
    std::optional<core::QueuePosition> queue_position;
};

// GET /api/chats/{chat}/messages
struct MessagesAnswer {
    std::vector<core::Message> messages;
    core::ChatStatus chat_status = core::ChatStatus::queued;
};

// POST /api/chats/{chat}/messages
struct PostMessage {
    std::optional<std::string> text;
    std::vector<std::string> attachments;
    // "system": an integration's notice (post_system_message).
    std::optional<std::string> as;
};

// A command's outcome: the sequence number of its first event; `duplicate` when the same
// Idempotency-Key (or command id) was processed before and nothing changed.
struct Posted {
    std::uint64_t seq = 0;
    bool duplicate = false;
};

// POST /api/chats/{chat}/attachments
struct AttachmentUploaded {
    std::string id;
    std::string name;
    std::uint64_t size = 0;
    std::string content_type;
    core::ChatId chat;
};

// GET /api/chats: one row of the chat list.
struct LastMessage {
    std::string text;
    core::Timestamp at = 0;
    core::AuthorKind author = core::AuthorKind::customer;
    std::string author_name;
};

struct ChatRow {
    core::ChatId id;
    core::ChatStatus status = core::ChatStatus::queued;
    core::Channel channel = core::Channel::web;
    core::QueueId queue = 0;
    std::string queue_name;
    core::CustomerId customer;
    std::string customer_name;
    std::optional<core::AgentId> assignee;
    // Who holds it, or held it last.
    std::optional<std::string> operator_name;
    core::Timestamp created_at = 0;
    std::optional<core::Timestamp> closed_at;
    std::optional<LastMessage> last_message;
    std::uint64_t message_count = 0;
};

struct ChatPage {
    std::vector<ChatRow> chats;
    // Pass back as `cursor` for the next page; absent on the last one.
    std::optional<std::string> next_cursor;
};

// GET /api/chats/{chat}/transcript?format=json
struct TranscriptAnswer {
    core::Chat chat;
    std::string customer_name;
    std::string queue_name;
    // Display names by author id, as the text transcript names them.
    std::map<std::string, std::string> author_names;
};

}  // namespace parley::protocol::rest
