// Commands and events travel the same way: one flat JSON object holding the payload's
// "type" and fields beside the envelope's fields (command_id, actor, at). This file is that
// shape, written once for both. Depends on parley_core and the private json helpers only.
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

#include "core/commands.h"
#include "core/events.h"
#include "protocol/codec.h"
#include "protocol/command_schema.h"
#include "protocol/event_schema.h"
#include "protocol/json_fields.h"
#include "protocol/session.h"

namespace parley::protocol {
namespace detail {

template <>
inline constexpr auto kSchema<ClientCommand> = fields(field("command_id", &ClientCommand::id));

namespace {

// True when no payload alternative has a field that would collide with "type" or with an
// envelope field once the two are flattened into one object.
template <class Envelope, class... T>
constexpr bool flattens_cleanly(std::type_identity<std::variant<T...>>) {
    auto payload_lacks = [](std::string_view name) { return (lacks_field<T>(name) && ...); };
    return payload_lacks("type") &&
           std::apply([&](const auto&... f) { return (payload_lacks(f.name) && ...); },
                      kSchema<Envelope>.fields);
}

template <class Envelope, class Payload>
std::string encode_flat(const Envelope& envelope, const Payload& payload) {
    std::string out;
    std::visit([&](const auto& alternative) { write_merged_text(out, alternative, envelope); },
               payload);
    return out;
}

// `kind` names the message family in errors ("command", "event"); `payload` is the
// envelope's variant member.
template <class Envelope, class Payload>
Result<Envelope> decode_flat(const Json& object, const std::string& type, std::string_view kind,
                             Payload Envelope::*payload) {
    const Path root{nullptr, type};
    Envelope envelope{};
    Problem problem;
    if (!read_alternative(object, type, envelope.*payload, root, problem)) {
        return ProtocolError{
            ProtocolErrorCode::unknown_type,
            "There is no " + std::string(kind) + " of type " + excerpt(type) + "."};
    }
    if (!problem) {
        problem = read_fields(object, envelope, root);
    }
    if (problem) {
        return *problem;
    }
    return envelope;
}

template <class Envelope, class Payload>
Result<Envelope> decode_flat(std::string_view text, std::string_view kind,
                             Payload Envelope::*payload) {
    Result<Json> parsed = parse_object(text, kMaxMessageBytes);
    if (!parsed) {
        return parsed.error();
    }
    const Result<std::string> type = read_type(parsed.value(), Path{nullptr, kind});
    if (!type) {
        return type.error();
    }
    return decode_flat(parsed.value(), type.value(), kind, payload);
}

}  // namespace

static_assert(unique_types(std::type_identity<core::Command::Variant>{}));
static_assert(
    flattens_cleanly<core::CommandEnvelope>(std::type_identity<core::Command::Variant>{}));
static_assert(flattens_cleanly<ClientCommand>(std::type_identity<core::Command::Variant>{}));
static_assert(unique_types(std::type_identity<core::Event::Variant>{}));
static_assert(flattens_cleanly<core::EventEnvelope>(std::type_identity<core::Event::Variant>{}));

}  // namespace detail

std::string encode_command(const core::CommandEnvelope& command) {
    return detail::encode_flat(command, command.command);
}

Result<core::CommandEnvelope> decode_command(std::string_view json_text) {
    return detail::decode_flat(json_text, "command", &core::CommandEnvelope::command);
}

std::string encode_client_command(const ClientCommand& command) {
    return detail::encode_flat(command, command.command);
}

std::string encode_ping() {
    return R"({"type":"ping"})";
}

Result<ClientMessage> decode_client_message(std::string_view text) {
    Result<detail::Json> parsed = detail::parse_object(text, detail::kMaxMessageBytes);
    if (!parsed) {
        return parsed.error();
    }
    const Result<std::string> type =
        detail::read_type(parsed.value(), detail::Path{nullptr, "command"});
    if (!type) {
        return type.error();
    }
    if (type.value() == "ping") {
        return ClientMessage{Ping{}};
    }
    Result<ClientCommand> command =
        detail::decode_flat(parsed.value(), type.value(), "command", &ClientCommand::command);
    if (!command) {
        return command.error();
    }
    return ClientMessage{std::move(command).value()};
}

std::string encode_event(const core::EventEnvelope& event) {
    return detail::encode_flat(event, event.event);
}

Result<core::EventEnvelope> decode_event(std::string_view json_text) {
    return detail::decode_flat(json_text, "event", &core::EventEnvelope::event);
}

}  // namespace parley::protocol
