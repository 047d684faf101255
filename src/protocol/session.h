// The messages of a connection after the handshake (see README.md, "Session"). A client sends
// commands (the server fills in actor and time) and pings; the server answers each command
// with an ack carrying its sequence number or a rejection carrying the core's code and
// sentence, and streams what the client may see: a sync (a whole snapshot), events, and chat
// records for chats that just came into view. Every server message that changes the
// client's replica carries the sequence number it brings the client to.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/commands.h"
#include "core/customer_view.h"
#include "core/events.h"
#include "core/model.h"
#include "core/state.h"
#include "protocol/handshake.h"
#include "protocol/result.h"

namespace parley::protocol {

// [SECTION] Client to server

// A command as a client sends it: the actor is whoever the connection authenticated as and
// the time is the server's, so neither travels.
struct ClientCommand {
    core::CommandId id;
    core::Command command;
    bool operator==(const ClientCommand&) const = default;
};

struct Ping {
    bool operator==(const Ping&) const = default;
};

using ClientMessage = std::variant<ClientCommand, Ping>;

// {"type":"accept_chat","command_id":"c-7","chat":1}
std::string encode_client_command(const ClientCommand& command);
std::string encode_ping();
Result<ClientMessage> decode_client_message(std::string_view text);
// The command_id of a message that did not decode, so the refusal can name the command it
// answers; empty when there is none to find.
core::CommandId command_id_of(std::string_view text);

// [SECTION] Server to client

// Replace the replica with this State (first connect, a resume too far back, or a change of
// what the actor may see).
struct Sync {
    std::uint64_t seq = 0;
    core::State state;
    // A customer's: the view of each of their chats at `seq` (core::customer_views).
    std::vector<core::CustomerChatView> chat_views = {};
};

struct EventMessage {
    std::uint64_t seq = 0;
    core::EventEnvelope event;
};

// A chat that came into the actor's view with event `seq` (offered, transferred or moved to
// one of their queues): replace the chat in the replica; the event itself is not sent.
struct ChatMessage {
    std::uint64_t seq = 0;
    core::Chat chat;
};

// A customer's chat as they see it after event `seq` (core::customer_view): sent to the chat's
// customer right after each event they receive about it, so a client draws it as it is, with
// only the messages the event added or changed.
struct ChatViewMessage {
    std::uint64_t seq = 0;
    // The customer's own command behind event `seq`, so a client can settle the message it
    // shows as sending; empty for everyone else's.
    std::optional<core::CommandId> command_id;
    // The view's `messages` are the chat's from this index on: those before it are as the
    // previous view showed them, so an event costs what it changed, not the whole chat.
    std::uint64_t messages_from = 0;
    core::CustomerChatView view;
    bool operator==(const ChatViewMessage&) const = default;
};

// The command is durable; `seq` is the first event it produced (or the server's sequence
// number when it produced none). `duplicate`: the id was seen before and nothing changed.
struct Ack {
    core::CommandId command_id;
    std::uint64_t seq = 0;
    bool duplicate = false;
    bool operator==(const Ack&) const = default;
};

// The command was refused: by the core (its rejection code and sentence) or by the server
// (malformed, not allowed, rate limited, ...). Nothing changed.
struct Rejected {
    core::CommandId command_id;
    std::string code;
    std::string message;
    bool operator==(const Rejected&) const = default;
};

struct Pong {
    bool operator==(const Pong&) const = default;
};

// Where the customer's queued chat stands (core::queue_position): sent to the chat's customer
// when they connect and whenever it changes, until an agent takes the chat or it closes. Not
// part of the replica, so it carries no sequence number.
struct QueuePositionMessage {
    core::ChatId chat;
    // 1 for the next chat to be taken.
    std::uint64_t position = 0;
    std::uint64_t waiting = 0;
    core::Duration estimated_wait = 0;
    bool operator==(const QueuePositionMessage&) const = default;
};

using ServerMessage = std::variant<Welcome, WireError, Sync, EventMessage, ChatMessage, Ack,
                                   Rejected, Pong, QueuePositionMessage, ChatViewMessage>;

// The snapshot and event texts are embedded as they are, so a server encodes each once and
// sends the same bytes to every recipient.
// A customer's sync also carries `chat_views`.
std::string encode_sync(std::uint64_t seq, std::string_view snapshot_json,
                        const std::vector<core::CustomerChatView>& chat_views = {});
std::string encode_event_message(std::uint64_t seq, std::string_view event_json);
std::string encode_chat_message(std::uint64_t seq, const core::Chat& chat);
std::string encode_ack(const Ack& ack);
std::string encode_rejected(const Rejected& rejected);
std::string encode_pong();
std::string encode_queue_position(const QueuePositionMessage& position);
std::string encode_chat_view(const ChatViewMessage& message);
// A chat as the JSON object the chat message and the REST API carry.
std::string encode_chat(const core::Chat& chat);
Result<ServerMessage> decode_server_message(std::string_view text);

}  // namespace parley::protocol
