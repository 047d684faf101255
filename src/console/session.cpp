#include "console/session.h"

#include <type_traits>
#include <utility>
#include <variant>

namespace parley::console {

Session::Session(std::string command_prefix) : outbox_(std::move(command_prefix)) {}

void Session::welcomed(const core::Actor& actor) {
    if (actor_ != actor) {
        replica_.forget();
        outbox_.clear();
        actor_ = actor;
    }
}

bool Session::receive(const std::string& text, double now) {
    auto decoded = protocol::decode_server_message(text);
    if (!decoded) {
        problem_ =
            "The server sent a message this console cannot read (" + decoded.error().message + ").";
        return true;
    }
    Replica::Step step = Replica::Step::applied;
    std::visit(
        [&](auto&& message) {
            using M = std::decay_t<decltype(message)>;
            if constexpr (std::is_same_v<M, protocol::Sync> ||
                          std::is_same_v<M, protocol::EventMessage> ||
                          std::is_same_v<M, protocol::ChatMessage>) {
                step = replica_.apply(std::move(message));
            } else if constexpr (std::is_same_v<M, protocol::Ack>) {
                outbox_.on_ack(message);
            } else if constexpr (std::is_same_v<M, protocol::Rejected>) {
                outbox_.on_rejected(message, now);
            } else if constexpr (std::is_same_v<M, protocol::WireError>) {
                problem_ = message.message;
            }
        },
        std::move(decoded).value());
    return step != Replica::Step::out_of_step;
}

std::string Session::submit(core::Command command, std::string what, double now) {
    return outbox_.submit(std::move(command), std::move(what), now).wire_text;
}

void Session::end() {
    actor_.reset();
    replica_.forget();
    outbox_.clear();
    problem_.clear();
}

}  // namespace parley::console
