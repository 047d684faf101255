// One simulated person's WebSocket session in the wire protocol: hello with their token, the
// decoded stream (sync, events, chats) handed to them, and commands sent with ids of this
// run. Every command is answered by an ack or a refusal; a refusal whose code the sender did
// not list as expected is logged and counted, because the server's word is final and the sim
// never checks a rule itself.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/commands.h"
#include "core/events.h"
#include "core/state.h"
#include "sim/client/weakly.h"
#include "sim/client/ws_connection.h"
#include "sim/context.h"

namespace parley::sim {

class ProtocolLink : public std::enable_shared_from_this<ProtocolLink> {
public:
    struct Handlers {
        std::function<void(const core::State&)> synced;
        std::function<void(const core::EventEnvelope&)> event;
        // A chat that came into view (offered, transferred, moved to one of our queues).
        std::function<void(const core::Chat&)> chat;
        // The session failed, was refused or was lost, with the reason.
        std::function<void(const std::string&)> ended;
    };
    // Called with "" on an ack, or the refusal's code.
    using Answered = std::function<void(const std::string&)>;

    // `who` names the person in logs and in command ids.
    ProtocolLink(const SimContext& context, std::string who, std::string token, Handlers handlers);

    void start();
    void send(core::Command command, std::vector<std::string_view> expected_refusals = {},
              Answered answered = {});
    // Closes once every command sent has its answer; nothing more is sent.
    void close();

private:
    struct Pending {
        std::string type;
        std::vector<std::string_view> expected;
        Answered answered;
    };

    void say_hello();
    void on_text(std::string_view text);
    void on_answer(const std::string& command_id, const std::string& code,
                   const std::string& message);
    void end(const std::string& why);

    const SimContext& context_;
    std::string who_;
    std::string token_;
    Handlers handlers_;
    std::shared_ptr<client::WsConnection> connection_;
    std::map<std::string, Pending> pending_;
    std::uint64_t next_command_ = 0;
    bool closing_ = false;
    bool ended_ = false;
};

// Handlers that pass the session's news to the owner's on_synced, on_event, on_chat and
// on_ended for as long as the owner lives.
template <typename Owner>
ProtocolLink::Handlers handlers_for(const std::shared_ptr<Owner>& owner) {
    ProtocolLink::Handlers handlers;
    handlers.synced = client::weakly(owner, &Owner::on_synced);
    handlers.event = client::weakly(owner, &Owner::on_event);
    handlers.chat = client::weakly(owner, &Owner::on_chat);
    handlers.ended = client::weakly(owner, &Owner::on_ended);
    return handlers;
}

// An answer handler that counts the command when the server acknowledged it.
ProtocolLink::Answered count_when_acked(std::atomic<std::uint64_t>& counter);

}  // namespace parley::sim
