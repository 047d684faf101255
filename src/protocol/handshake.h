// The connection handshake: the client's hello, the server's welcome, and the error message
// either side sends when something is refused. A version mismatch becomes a sentence a
// person can act on. Depends on the standard library only (nlohmann/json stays in the .cpp).
#pragma once

#include "protocol/result.h"
#include "protocol/version.h"

#include <string>
#include <string_view>
#include <variant>

namespace parley::protocol {

// First message on every connection; nothing else is accepted before it.
struct Hello {
    int protocol_version = kProtocolVersion;
    std::string client;  // "parley-console/0.1.0 (web)", for logs and support
};

// The server accepted the hello.
struct Welcome {
    int protocol_version = kProtocolVersion;
    std::string server_version;
};

// A refusal: a stable code for programs and a sentence for people.
struct WireError {
    std::string code;
    std::string message;
};

using HandshakeReply = std::variant<Welcome, WireError>;

std::string encode_hello(const Hello& hello);
Result<Hello> decode_hello(std::string_view text);

std::string encode_welcome(const Welcome& welcome);
Result<HandshakeReply> decode_handshake_reply(std::string_view text);

std::string encode_error(const WireError& error);
std::string encode_error(const ProtocolError& error);
std::string encode_version_mismatch(int client_version);

}  // namespace parley::protocol
