// A Link that is a server in miniature for console tests: the core fixture's State is the
// truth and the real engine runs it. Commands from the console go through the fixture (decide,
// then the engine numbers, applies and addresses each event), and what the console's agent is
// sent comes from their feed on the engine, as on the server: welcome, sync or resume, events,
// acks and rejections. Tests script losses and refusals on top.
#pragma once

#include "console/link.h"
#include "core/decide.h"
#include "engine/client_messages.h"
#include "engine/engine.h"
#include "engine/inbox.h"
#include "protocol/codec.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace parley::console::testing {

class FakeServer final : public Link {
public:
    using Run = std::function<core::Decision(const core::Actor&, core::Command)>;

    FakeServer(engine::Engine& engine, Run run) : engine_(engine), run_(std::move(run)) {}
    ~FakeServer() override { leave_feed(); }
    FakeServer(const FakeServer&) = delete;
    FakeServer& operator=(const FakeServer&) = delete;

    void open() override {
        ++opened;
        leave_feed();
        if (reachable) {
            pending_.emplace_back(LinkOpened{});
        } else {
            pending_.emplace_back(LinkClosed{"The server cannot be reached."});
        }
    }
    void send(std::string text) override {
        sent.push_back(text);
        if (!welcomed_as_) {
            answer_hello(text);
        } else if (answering) {
            answer_command(text);
        }
    }
    void close() override { ++closed; }
    std::vector<LinkEvent> drain() override {
        collect();
        return std::exchange(pending_, {});
    }
    std::string describe() const override { return "ws://fake/ws"; }

    // The connection breaks; nothing the server publishes meanwhile reaches the console.
    void drop() {
        leave_feed();
        pending_.emplace_back(LinkClosed{"The server closed the connection."});
    }
    // The server ends the session and closes the socket on purpose, saying why.
    void end_session(std::string reason) {
        leave_feed();
        pending_.emplace_back(LinkClosed{std::move(reason), true});
    }
    // Lets a test send what the real server would, or something it would not.
    void push(std::string text) {
        collect();
        pending_.emplace_back(LinkMessage{std::move(text)});
    }

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
    void answer_hello(const std::string& text) {
        auto read = engine::read_hello(text);
        if (std::holds_alternative<engine::Refusal>(read) || !account) {
            push(protocol::encode_error(protocol::WireError{
                "not_signed_in", "Sign in first: the session is missing, ended or expired."}));
            pending_.emplace_back(LinkClosed{"not signed in"});
            return;
        }
        last_hello = std::get<protocol::Hello>(read);
        welcomed_as_ = *account;
        push(protocol::encode_welcome(
            {protocol::kProtocolVersion, "test", *account, engine_.seq()}));
        engine_.attach(inbox_, *account, last_hello->resume_from);
    }

    void answer_command(const std::string& text) {
        auto read = engine::read_command(text);
        if (auto* reply = std::get_if<std::string>(&read)) {
            push(std::move(*reply));
            return;
        }
        const auto& command = std::get<protocol::ClientCommand>(read);
        const std::uint64_t before = engine_.seq();
        const core::Decision decision = run_(*account, command.command);
        if (decision.rejection) {
            push(protocol::encode_rejected(
                {command.id, decision.rejection->code, decision.rejection->message}));
        } else {
            const std::uint64_t first = engine_.seq() > before ? before + 1 : before;
            push(protocol::encode_ack({command.id, first, false}));
        }
    }

    void collect() {
        for (const engine::Message& message : inbox_->take()) {
            pending_.emplace_back(LinkMessage{*message});
        }
    }

    // What was sent before the connection ended arrives before its end. Nothing here expires
    // a feed, so the moment it was left does not matter.
    void leave_feed() {
        collect();
        if (welcomed_as_) {
            engine_.close(*inbox_, *welcomed_as_, 0);
            welcomed_as_.reset();
        }
    }

    engine::Engine& engine_;
    Run run_;
    std::shared_ptr<engine::Inbox> inbox_ = std::make_shared<engine::Inbox>();
    std::vector<LinkEvent> pending_;
    // Who the last hello was welcomed as, until the connection ends: their feed is open.
    std::optional<core::Actor> welcomed_as_;
};

}  // namespace parley::console::testing
