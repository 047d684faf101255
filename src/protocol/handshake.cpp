// Wire form of the handshake messages, described once through the generic field mapping.
#include "protocol/handshake.h"

#include "protocol/handshake_schema.h"

namespace parley::protocol {

std::string encode_hello(const Hello& hello) {
    return detail::text_of(hello);
}

Result<Hello> decode_hello(std::string_view text) {
    auto object = detail::parse_object(text, detail::kMaxMessageBytes);
    if (!object) {
        return object.error();
    }
    const auto type = detail::read_type(object.value(), detail::Path{});
    if (!type) {
        return type.error();
    }
    if (type.value() != detail::kSchema<Hello>.type) {
        return ProtocolError{ProtocolErrorCode::unknown_type,
                             "The first message must be a hello, not '" + type.value() + "'."};
    }
    Hello hello;
    if (auto problem = detail::read_fields(object.value(), hello, detail::Path{})) {
        return *problem;
    }
    return hello;
}

std::string encode_welcome(const Welcome& welcome) {
    return detail::text_of(welcome);
}

Result<HandshakeReply> decode_handshake_reply(std::string_view text) {
    auto object = detail::parse_object(text, detail::kMaxMessageBytes);
    if (!object) {
        return object.error();
    }
    HandshakeReply reply;
    if (auto problem = detail::read(object.value(), reply, detail::Path{})) {
        return *problem;
    }
    return reply;
}

std::string encode_error(const WireError& error) {
    return detail::text_of(error);
}

std::string encode_error(const ProtocolError& error) {
    return encode_error(WireError{std::string(error_code_name(error.code)), error.message});
}

std::string encode_version_mismatch(int client_version) {
    return encode_error(
        WireError{"protocol_mismatch",
                  "This console speaks protocol version " + std::to_string(client_version) +
                      " but the server speaks version " + std::to_string(kProtocolVersion) +
                      ": reload the page to get the console that matches the server."});
}

}  // namespace parley::protocol
