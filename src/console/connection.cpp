#include "console/connection.h"

#include "protocol/handshake.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace parley::console {

namespace {

struct StatusWords {
    const char* name;
    const char* label;
};

StatusWords words_for(ConnectionStatus status) {
    switch (status) {
    case ConnectionStatus::connecting:
        return {"connecting", "Connecting"};
    case ConnectionStatus::handshaking:
        return {"handshaking", "Greeting server"};
    case ConnectionStatus::connected:
        return {"connected", "Connected"};
    case ConnectionStatus::refused:
        return {"refused", "Refused"};
    case ConnectionStatus::waiting_to_retry:
        return {"reconnecting", "Reconnecting"};
    }
    return {"unknown", "Unknown"};
}

}  // namespace

const char* status_name(ConnectionStatus status) { return words_for(status).name; }
const char* connection_label(ConnectionStatus status) { return words_for(status).label; }

double retry_delay_seconds(int attempts) {
    const int exponent = std::clamp(attempts - 1, 0, 5);
    return std::min(30.0, std::ldexp(1.0, exponent));
}

Connection::Connection(Link& link, std::string client_name)
    : link_(link), client_name_(std::move(client_name)) {
    view_.server = link_.describe();
}

void Connection::start_attempt() {
    ++view_.attempts;
    view_.status = ConnectionStatus::connecting;
    link_.open();
}

void Connection::update(double now) {
    if (!started_) {
        started_ = true;
        start_attempt();
    }
    for (auto& event : link_.drain()) {
        if (std::holds_alternative<LinkOpened>(event)) {
            view_.status = ConnectionStatus::handshaking;
            protocol::Hello hello;
            hello.client = client_name_;
            link_.send(protocol::encode_hello(hello));
        } else if (const auto* message = std::get_if<LinkMessage>(&event)) {
            on_message(message->text);
        } else if (const auto* closed = std::get_if<LinkClosed>(&event)) {
            on_closed(closed->reason, now);
        }
    }
    if (view_.status == ConnectionStatus::waiting_to_retry) {
        view_.retry_in_seconds = std::max(0.0, retry_at_ - now);
        if (now >= retry_at_) {
            start_attempt();
        }
    }
}

void Connection::on_message(const std::string& text) {
    if (view_.status != ConnectionStatus::handshaking) {
        return;
    }
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
        return;
    }
    const auto& error = std::get<protocol::WireError>(reply.value());
    view_.status = ConnectionStatus::refused;
    view_.problem = error.message;
}

void Connection::on_closed(const std::string& reason, double now) {
    // A refusal stays on screen: retrying would only be refused again.
    if (view_.status == ConnectionStatus::refused) {
        return;
    }
    view_.problem = reason.empty() ? "The connection to the server was lost." : reason;
    view_.status = ConnectionStatus::waiting_to_retry;
    retry_at_ = now + retry_delay_seconds(view_.attempts);
    view_.retry_in_seconds = retry_at_ - now;
}

}  // namespace parley::console
