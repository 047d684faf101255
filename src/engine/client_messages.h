// What every end of the WebSocket protocol does with what a client sends: the hello's checks
// before anything else, then each message read as a command, a ping or something unreadable.
// The server's socket, the in-page demo's link and the console tests' server answer alike.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "protocol/handshake.h"
#include "protocol/session.h"

namespace parley::engine {

// A hello that cannot be taken: the message to send, then the reason the connection closes.
struct Refusal {
    std::string message;
    std::string reason;
};

// The hello, or why it is refused (unreadable, another protocol version). Who the credentials
// name is the caller's to check.
std::variant<protocol::Hello, Refusal> read_hello(std::string_view text);

// A message after the hello: the command to submit, or the reply to send at once (a pong, or the
// rejection of what cannot be read or has no usable command id).
std::variant<protocol::ClientCommand, std::string> read_command(std::string_view text);

}  // namespace parley::engine
