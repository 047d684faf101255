#include "sim/protocol_link.h"

#include <algorithm>
#include <type_traits>
#include <variant>

#include "protocol/handshake.h"
#include "protocol/session.h"
#include "protocol/version.h"

namespace parley::sim {
namespace {

// A sync holds every chat an agent may see; a busy floor makes it megabytes.
constexpr std::uint64_t kMaxMessageBytes = std::uint64_t{256} << 20;

// The command's wire name ("accept_chat"), read from its encoding, for logs.
std::string type_of(std::string_view encoded) {
    constexpr std::string_view marker = R"("type":")";
    const auto at = encoded.find(marker);
    if (at == std::string_view::npos) {
        return "command";
    }
    const auto begin = at + marker.size();
    return std::string(encoded.substr(begin, encoded.find('"', begin) - begin));
}

}  // namespace

ProtocolLink::ProtocolLink(const SimContext& context, std::string who, std::string token,
                           Handlers handlers)
    : context_(context),
      who_(std::move(who)),
      token_(std::move(token)),
      handlers_(std::move(handlers)) {}

void ProtocolLink::start() {
    const auto self = shared_from_this();
    client::WsConnection::Handlers handlers;
    handlers.opened = client::weakly(self, &ProtocolLink::say_hello);
    handlers.message = client::weakly(self, &ProtocolLink::on_text);
    handlers.failed = client::weakly(self, &ProtocolLink::end);
    handlers.lost = client::weakly(self, &ProtocolLink::end);
    connection_ = std::make_shared<client::WsConnection>(
        context_.io.get_executor(), context_.server, kMaxMessageBytes, std::move(handlers));
    connection_->start();
}

void ProtocolLink::say_hello() {
    connection_->send(protocol::encode_hello(
        {protocol::kProtocolVersion, "parley-sim/0.1.0", token_, std::nullopt}));
}

void ProtocolLink::send(core::Command command, std::vector<std::string_view> expected_refusals,
                        Answered answered) {
    if (!connection_ || !connection_->is_open() || closing_) {
        return;
    }
    protocol::ClientCommand sent{
        "sim." + context_.run_tag + "." + who_ + "." + std::to_string(++next_command_),
        std::move(command)};
    const std::string text = protocol::encode_client_command(sent);
    pending_[sent.id] = {type_of(text), std::move(expected_refusals), std::move(answered)};
    connection_->send(text);
}

void ProtocolLink::close() {
    closing_ = true;
    // A closing WebSocket discards what arrives after its close frame: the answers to the
    // last commands come first.
    if (connection_ && pending_.empty()) {
        connection_->close();
    }
}

void ProtocolLink::on_text(std::string_view text) {
    auto decoded = protocol::decode_server_message(text);
    if (!decoded) {
        context_.log(who_ + ": could not read a server message: " + decoded.error().message);
        return;
    }
    std::visit(
        [&](auto& message) {
            using M = std::decay_t<decltype(message)>;
            if constexpr (std::is_same_v<M, protocol::WireError>) {
                end("refused: " + message.code + ": " + message.message);
            } else if constexpr (std::is_same_v<M, protocol::Sync>) {
                handlers_.synced(message.state);
            } else if constexpr (std::is_same_v<M, protocol::EventMessage>) {
                handlers_.event(message.event);
            } else if constexpr (std::is_same_v<M, protocol::ChatMessage>) {
                handlers_.chat(message.chat);
            } else if constexpr (std::is_same_v<M, protocol::Ack>) {
                on_answer(message.command_id, {}, {});
            } else if constexpr (std::is_same_v<M, protocol::Rejected>) {
                on_answer(message.command_id, message.code, message.message);
            }
        },
        decoded.value());
}

void ProtocolLink::on_answer(const std::string& command_id, const std::string& code,
                             const std::string& message) {
    const auto found = pending_.find(command_id);
    if (found == pending_.end()) {
        return;
    }
    Pending pending = std::move(found->second);
    pending_.erase(found);
    if (closing_ && pending_.empty()) {
        connection_->close();
    }
    if (!code.empty() && std::find(pending.expected.begin(), pending.expected.end(), code) ==
                             pending.expected.end()) {
        context_.stats.unexpected_refusals.fetch_add(1);
        context_.log(who_ + ": " + pending.type + " refused: " + code + ": " + message);
    }
    if (pending.answered) {
        pending.answered(code);
    }
}

void ProtocolLink::end(const std::string& why) {
    if (ended_) {
        return;
    }
    ended_ = true;
    constexpr int kGoingAway = 1001;
    if (connection_->close_code() == kGoingAway) {
        if (!context_.server_gone.exchange(true)) {
            context_.log("the server is shutting down; so does the simulation");
        }
    } else if (!closing_) {
        handlers_.ended(why);
    }
}

ProtocolLink::Answered count_when_acked(std::atomic<std::uint64_t>& counter) {
    return [&counter](const std::string& code) {
        if (code.empty()) {
            counter.fetch_add(1);
        }
    };
}

}  // namespace parley::sim
