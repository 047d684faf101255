// Wire form of the server's session messages. Snapshots and events are embedded as already
// encoded text so the server encodes once per recipient group; keys stay sorted so the bytes
// are deterministic.
#include "protocol/session.h"

#include "protocol/codec.h"
#include "protocol/customer_view_schema.h"
#include "protocol/handshake_schema.h"
#include "protocol/json_fields.h"
#include "protocol/state_schema.h"

namespace parley::protocol {
namespace detail {

template <>
inline constexpr auto kSchema<Ack> = tagged("ack", field("command_id", &Ack::command_id),
                                            field("seq", &Ack::seq),
                                            field("duplicate", &Ack::duplicate));

template <>
inline constexpr auto kSchema<Rejected> = tagged("rejected",
                                                 field("command_id", &Rejected::command_id),
                                                 field("code", &Rejected::code),
                                                 field("message", &Rejected::message));

template <>
inline constexpr auto kSchema<QueuePositionMessage> =
    tagged("queue_position", field("chat", &QueuePositionMessage::chat),
           field("position", &QueuePositionMessage::position),
           field("waiting", &QueuePositionMessage::waiting),
           field("estimated_wait", &QueuePositionMessage::estimated_wait));

template <>
inline constexpr auto kSchema<ChatViewMessage> = tagged(
    "chat_view", field("seq", &ChatViewMessage::seq),
    field("command_id", &ChatViewMessage::command_id),
    field("messages_from", &ChatViewMessage::messages_from), field("view", &ChatViewMessage::view));

namespace {

Result<std::uint64_t> read_seq(const Json& object, std::string_view type) {
    std::uint64_t seq = 0;
    const auto found = object.find("seq");
    const Path root{nullptr, type};
    if (found == object.end()) {
        return ProtocolError{ProtocolErrorCode::missing_field,
                             "The " + std::string(type) + " message has no seq."};
    }
    if (Problem problem = read(*found, seq, root.member("seq"))) {
        return *problem;
    }
    return seq;
}

// The embedded object under `member`, as text for the codec that owns its shape.
Result<std::string> embedded(const Json& object, std::string_view type, const char* member) {
    const auto found = object.find(member);
    if (found == object.end() || !found->is_object()) {
        return ProtocolError{ProtocolErrorCode::missing_field,
                             "The " + std::string(type) + " message has no " + member + " object."};
    }
    return dump(*found);
}

Result<ServerMessage> decode_wrapped(const Json& object, const std::string& type) {
    const Result<std::uint64_t> seq = read_seq(object, type);
    if (!seq) {
        return seq.error();
    }
    if (type == "sync") {
        const Result<std::string> text = embedded(object, type, "snapshot");
        if (!text) {
            return text.error();
        }
        Result<core::State> state = decode_snapshot(text.value());
        if (!state) {
            return state.error();
        }
        Sync sync{seq.value(), std::move(state).value()};
        if (const auto views = object.find("chat_views"); views != object.end()) {
            if (Problem problem = read(*views, sync.chat_views, Path{nullptr, "chat_views"})) {
                return *problem;
            }
        }
        return ServerMessage{std::move(sync)};
    }
    if (type == "event") {
        const Result<std::string> text = embedded(object, type, "event");
        if (!text) {
            return text.error();
        }
        Result<core::EventEnvelope> event = decode_event(text.value());
        if (!event) {
            return event.error();
        }
        return ServerMessage{EventMessage{seq.value(), std::move(event).value()}};
    }
    core::Chat chat;
    const auto found = object.find("chat");
    if (found == object.end()) {
        return ProtocolError{ProtocolErrorCode::missing_field, "The chat message has no chat."};
    }
    if (Problem problem = read(*found, chat, Path{nullptr, "chat"})) {
        return *problem;
    }
    return ServerMessage{ChatMessage{seq.value(), std::move(chat)}};
}

template <class T>
Result<ServerMessage> read_plain(const Json& object, const std::string& type) {
    T value{};
    if (Problem problem = read_fields(object, value, Path{nullptr, type})) {
        return *problem;
    }
    return ServerMessage{std::move(value)};
}

}  // namespace
}  // namespace detail

core::CommandId command_id_of(std::string_view text) {
    const Result<detail::Json> parsed = detail::parse_object(text, detail::kMaxMessageBytes);
    if (!parsed) {
        return {};
    }
    const auto found = parsed.value().find("command_id");
    if (found == parsed.value().end() || !found->is_string()) {
        return {};
    }
    return found->get<std::string>();
}

std::string encode_sync(std::uint64_t seq, std::string_view snapshot_json,
                        const std::vector<core::CustomerChatView>& chat_views) {
    // Keys in sorted order, as every message: chat_views, seq, snapshot, type.
    std::string views;
    if (!chat_views.empty()) {
        views = R"("chat_views":)" + detail::text_of(chat_views) + ",";
    }
    return "{" + views + R"("seq":)" + std::to_string(seq) + R"(,"snapshot":)" +
           std::string(snapshot_json) + R"(,"type":"sync"})";
}

std::string encode_event_message(std::uint64_t seq, std::string_view event_json) {
    return R"({"event":)" + std::string(event_json) + R"(,"seq":)" + std::to_string(seq) +
           R"(,"type":"event"})";
}

std::string encode_chat_message(std::uint64_t seq, const core::Chat& chat) {
    // Keys in sorted order, as every message: chat, seq, type.
    return R"({"chat":)" + detail::text_of(chat) + R"(,"seq":)" + std::to_string(seq) +
           R"(,"type":"chat"})";
}

std::string encode_chat(const core::Chat& chat) {
    return detail::text_of(chat);
}

std::string encode_ack(const Ack& ack) {
    return detail::text_of(ack);
}

std::string encode_rejected(const Rejected& rejected) {
    return detail::text_of(rejected);
}

std::string encode_pong() {
    return R"({"type":"pong"})";
}

std::string encode_queue_position(const QueuePositionMessage& position) {
    return detail::text_of(position);
}

std::string encode_chat_view(const ChatViewMessage& message) {
    return detail::text_of(message);
}

Result<ServerMessage> decode_server_message(std::string_view text) {
    Result<detail::Json> parsed = detail::parse_object(text, detail::kMaxMessageBytes * 64);
    if (!parsed) {
        return parsed.error();
    }
    const detail::Json& object = parsed.value();
    const Result<std::string> type = detail::read_type(object, detail::Path{nullptr, "message"});
    if (!type) {
        return type.error();
    }
    const std::string& name = type.value();
    if (name == "sync" || name == "event" || name == "chat") {
        return detail::decode_wrapped(object, name);
    }
    if (name == "pong") {
        return ServerMessage{Pong{}};
    }
    if (name == "ack") {
        return detail::read_plain<Ack>(object, name);
    }
    if (name == "rejected") {
        return detail::read_plain<Rejected>(object, name);
    }
    if (name == "queue_position") {
        return detail::read_plain<QueuePositionMessage>(object, name);
    }
    if (name == "chat_view") {
        return detail::read_plain<ChatViewMessage>(object, name);
    }
    if (name == "welcome") {
        return detail::read_plain<Welcome>(object, name);
    }
    if (name == "error") {
        return detail::read_plain<WireError>(object, name);
    }
    return ProtocolError{ProtocolErrorCode::unknown_type,
                         "There is no server message of type " + detail::excerpt(name) + "."};
}

}  // namespace parley::protocol
