// The connection handshake: the client's hello, the server's welcome, and the error message
// either side sends when something is refused. A version mismatch becomes a sentence a
// person can act on. Depends on core/actor.h only (nlohmann/json stays in the .cpp).
#pragma once

#include "core/actor.h"
#include "protocol/result.h"
#include "protocol/version.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace parley::protocol {

// First message on every connection; nothing else is accepted before it.
struct Hello {
    int protocol_version = kProtocolVersion;
    std::string client;  // "parley-console/0.1.0 (web)", for logs and support
    // A staff session token, customer chat token or API key secret. The browser console sends
    // none: its HttpOnly cookie came with the upgrade request.
    std::optional<std::string> token;
    // The last sequence number the client holds: the server sends exactly the events after it
    // (or a fresh sync when that is no longer possible). Absent on first connect.
    std::optional<std::uint64_t> resume_from;
};

// The server accepted the hello.
struct Welcome {
    int protocol_version = kProtocolVersion;
    std::string server_version;
    // Who the server took the credentials for.
    core::Actor actor;
    // The sequence number the server had committed when it answered.
    std::uint64_t seq = 0;
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
