#include "console/connection.h"

#include "protocol/handshake.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace parley::console {

namespace {

// The server's code for a hello without a valid session (missing, ended or expired).
constexpr const char* kNotSignedIn = "not_signed_in";

struct StatusWords {
    const char* name;
    const char* label;
};

StatusWords words_for(ConnectionStatus status) {
    switch (status) {
    case ConnectionStatus::stopped:
        return {"stopped", "Signed out"};
    case ConnectionStatus::connecting:
        return {"connecting", "Connecting"};
    case ConnectionStatus::handshaking:
        return {"handshaking", "Greeting server"};
    case ConnectionStatus::connected:
        return {"connected", "Connected"};
    case ConnectionStatus::refused:
        return {"refused", "Refused"};
    case ConnectionStatus::needs_sign_in:
        return {"sign_in", "Sign in"};
    case ConnectionStatus::waiting_to_retry:
        return {"reconnecting", "Reconnecting"};
    }
    return {"unknown", "Unknown"};
}

}  // namespace

const char* status_name(ConnectionStatus status) {
    return words_for(status).name;
}
const char* connection_label(ConnectionStatus status) {
    return words_for(status).label;
}

double retry_delay_seconds(int attempts) {
    const int exponent = std::clamp(attempts - 1, 0, 5);
    return std::min(30.0, std::ldexp(1.0, exponent));
}

Connection::Connection(Link& link, std::string client_name)
    : link_(link), client_name_(std::move(client_name)) {
    view_.server = link_.describe();
}

void Connection::start(std::optional<std::string> token) {
    token_ = std::move(token);
    view_.attempts = 0;
    view_.problem.clear();
    view_.ever_welcomed = false;
    view_.ended_because.clear();
    start_attempt();
}

void Connection::stop() {
    view_.status = ConnectionStatus::stopped;
    token_.reset();
    link_.close();
}

void Connection::reconnect() {
    if (view_.status != ConnectionStatus::stopped) {
        start_attempt();
    }
}

bool Connection::send(std::string text) {
    if (view_.status != ConnectionStatus::connected) {
        return false;
    }
    link_.send(std::move(text));
    return true;
}

void Connection::start_attempt() {
    ++view_.attempts;
    view_.status = ConnectionStatus::connecting;
    link_.open();
}

ConnectionUpdate Connection::update(double now) {
    ConnectionUpdate update;
    for (auto& event : link_.drain()) {
        if (view_.status == ConnectionStatus::stopped) {
            continue;
        }
        if (std::holds_alternative<LinkOpened>(event)) {
            view_.status = ConnectionStatus::handshaking;
            protocol::Hello hello;
            hello.client = client_name_;
            hello.token = token_;
            hello.resume_from = resume_from_;
            link_.send(protocol::encode_hello(hello));
        } else if (auto* message = std::get_if<LinkMessage>(&event)) {
            if (view_.status == ConnectionStatus::handshaking) {
                on_handshake_reply(message->text, update);
            } else if (view_.status == ConnectionStatus::connected) {
                update.messages.push_back(std::move(message->text));
            }
        } else if (const auto* closed = std::get_if<LinkClosed>(&event)) {
            on_closed(*closed, now);
        }
    }
    if (view_.status == ConnectionStatus::waiting_to_retry) {
        view_.retry_in_seconds = std::max(0.0, retry_at_ - now);
        if (now >= retry_at_) {
            start_attempt();
        }
    }
    return update;
}

void Connection::on_handshake_reply(const std::string& text, ConnectionUpdate& update) {
    const auto reply = protocol::decode_handshake_reply(text);
    if (!reply) {
        view_.status = ConnectionStatus::refused;
        view_.problem = "The server answered with something this console cannot read (" +
                        reply.error().message + ").";
        link_.close();
        return;
    }
    if (const auto* welcome = std::get_if<protocol::Welcome>(&reply.value())) {
        view_.status = ConnectionStatus::connected;
        view_.server_version = welcome->server_version;
        view_.protocol_version = welcome->protocol_version;
        view_.problem.clear();
        view_.attempts = 0;
        view_.ever_welcomed = true;
        view_.ended_because.clear();
        update.welcomed = welcome->actor;
        return;
    }
    const auto& error = std::get<protocol::WireError>(reply.value());
    view_.status =
        error.code == kNotSignedIn ? ConnectionStatus::needs_sign_in : ConnectionStatus::refused;
    view_.problem = error.message;
}

void Connection::on_closed(const LinkClosed& closed, double now) {
    const std::string& reason = closed.reason;
    // A refusal stays on screen: retrying would only be refused again.
    if (view_.status == ConnectionStatus::refused ||
        view_.status == ConnectionStatus::needs_sign_in) {
        return;
    }
    if (view_.status == ConnectionStatus::connected && closed.by_policy) {
        view_.ended_because = closed.reason;
    }
    view_.problem = reason.empty() ? "The connection to the server was lost." : reason;
    view_.status = ConnectionStatus::waiting_to_retry;
    retry_at_ = now + retry_delay_seconds(view_.attempts);
    view_.retry_in_seconds = retry_at_ - now;
}

}  // namespace parley::console
