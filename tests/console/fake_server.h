// A Link that is a server in miniature for console tests: the core fixture's State is the
// truth, commands from the console run through the fixture (decide + apply), and what the
// console's agent may see goes back as the real wire messages: welcome, sync, events, acks
// and rejections. Tests script losses and refusals on top.
#pragma once

#include "console/link.h"
#include "core/decide.h"
#include "core/visibility.h"
#include "protocol/codec.h"
#include "protocol/handshake.h"
#include "protocol/session.h"

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace parley::console::testing {

class FakeServer final : public Link {
public:
    using Run = std::function<core::Decision(const core::Actor&, core::Command)>;

    FakeServer(const core::State& truth, const std::vector<core::EventEnvelope>& log, Run run)
        : truth_(truth), log_(log), run_(std::move(run)) {}

    void open() override {
        ++opened;
        welcomed_ = false;
        if (reachable) {
            pending_.emplace_back(LinkOpened{});
        } else {
            pending_.emplace_back(LinkClosed{"The server cannot be reached."});
        }
    }
    void send(std::string text) override {
        sent.push_back(text);
        if (!welcomed_) {
            answer_hello(text);
        } else if (answering) {
            answer_command(text);
        }
    }
    void close() override { ++closed; }
    std::vector<LinkEvent> drain() override {
        publish();
        return std::exchange(pending_, {});
    }
    std::string describe() const override { return "ws://fake/ws"; }

    // The connection breaks; nothing the server publishes meanwhile reaches the console.
    void drop() {
        welcomed_ = false;
        pending_.emplace_back(LinkClosed{"The server closed the connection."});
    }
    // The server ends the session and closes the socket on purpose, saying why.
    void end_session(std::string reason) {
        welcomed_ = false;
        pending_.emplace_back(LinkClosed{std::move(reason), true});
    }
    // Lets a test send what the real server would, or something it would not.
    void push(std::string text) { pending_.emplace_back(LinkMessage{std::move(text)}); }

    std::optional<protocol::Hello> last_hello;
    // Who signs in: the actor the welcome names, or a refusal when empty.
    std::optional<core::Actor> account;
    bool reachable = true;
    // False: commands arrive but stay unanswered (a slow server).
    bool answering = true;
    int opened = 0;
    int closed = 0;
    std::vector<std::string> sent;

private:
    std::uint64_t seq() const { return log_.size(); }

    void answer_hello(const std::string& text) {
        auto hello = protocol::decode_hello(text);
        if (!hello || !account) {
            push(protocol::encode_error(protocol::WireError{
                "not_signed_in", "Sign in first: the session is missing, ended or expired."}));
            pending_.emplace_back(LinkClosed{"not signed in"});
            return;
        }
        last_hello = hello.value();
        welcomed_ = true;
        push(protocol::encode_welcome({protocol::kProtocolVersion, "test", *account, seq()}));
        const auto resume = hello.value().resume_from;
        if (resume && *resume <= seq()) {
            published_ = static_cast<std::size_t>(*resume);
        } else {
            push(protocol::encode_sync(
                seq(), protocol::encode_snapshot(core::visible_state(truth_, *account))));
            published_ = log_.size();
        }
    }

    void answer_command(const std::string& text) {
        auto message = protocol::decode_client_message(text);
        if (!message) {
            return;
        }
        const auto* command = std::get_if<protocol::ClientCommand>(&message.value());
        if (command == nullptr) {
            return;
        }
        const core::Decision decision = run_(*account, command->command);
        publish();
        if (decision.rejection) {
            push(protocol::encode_rejected(
                {command->id, decision.rejection->code, decision.rejection->message}));
        } else {
            push(protocol::encode_ack({command->id, seq(), false}));
        }
    }

    // Sends every logged event the account may see since the last one sent.
    void publish() {
        if (!welcomed_) {
            return;
        }
        for (; published_ < log_.size(); ++published_) {
            if (core::view_for(truth_, *account, log_[published_])) {
                push(protocol::encode_event_message(published_ + 1,
                                                    protocol::encode_event(log_[published_])));
            }
        }
    }

    const core::State& truth_;
    const std::vector<core::EventEnvelope>& log_;
    Run run_;
    std::vector<LinkEvent> pending_;
    bool welcomed_ = false;
    std::size_t published_ = 0;
};

}  // namespace parley::console::testing
