// The checks every connection runs before a message reaches the engine.
#include "engine/client_messages.h"

#include <utility>

#include "protocol/codec.h"

namespace parley::engine {
namespace {

// Command ids are kept per actor for deduplication: bounded so that none costs much to keep.
constexpr std::size_t kMaxCommandIdLength = 128;

}  // namespace

std::variant<protocol::Hello, Refusal> read_hello(std::string_view text) {
    auto hello = protocol::decode_hello(text);
    if (!hello) {
        return Refusal{protocol::encode_error(hello.error()), "handshake failed"};
    }
    if (hello.value().protocol_version != protocol::kProtocolVersion) {
        return Refusal{protocol::encode_version_mismatch(hello.value().protocol_version),
                       "protocol version mismatch"};
    }
    return std::move(hello).value();
}

std::variant<protocol::ClientCommand, std::string> read_command(std::string_view text) {
    auto message = protocol::decode_client_message(text);
    if (!message) {
        return protocol::encode_rejected(
            {protocol::command_id_of(text),
             std::string(protocol::error_code_name(message.error().code)),
             message.error().message});
    }
    if (std::holds_alternative<protocol::Ping>(message.value())) {
        return protocol::encode_pong();
    }
    auto command = std::get<protocol::ClientCommand>(std::move(message).value());
    if (command.id.empty() || command.id.size() > kMaxCommandIdLength) {
        return protocol::encode_rejected({command.id, "invalid_value",
                                          "A command_id of 1 to " +
                                              std::to_string(kMaxCommandIdLength) +
                                              " characters is required."});
    }
    return command;
}

}  // namespace parley::engine
