// The console's Link to an in-page core instead of a server: the same wire protocol, answered
// in the page. A hello gets a welcome and a sync of what the signed-in agent may see; each
// command goes through the stage (core::decide, core::apply) and is answered with an ack or
// the core's rejection; every event the agent may see arrives as the server would send it
// (an event, a chat that came into view, or a fresh sync when the agent's sight changed),
// with the core's visibility rules deciding. Nothing here touches a socket or the browser.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "console/link.h"
#include "core/actor.h"
#include "core/model.h"
#include "local_sign_in.h"
#include "sim/script/stage.h"

namespace parley::demo {

class LocalLink final : public console::Link, public sim::StageWatcher {
public:
    LocalLink(sim::Stage& stage, const LocalSignIn& sign_in);
    ~LocalLink() override;
    LocalLink(const LocalLink&) = delete;
    LocalLink& operator=(const LocalLink&) = delete;

    void open() override;
    void send(std::string text) override;
    void close() override;
    std::vector<console::LinkEvent> drain() override;
    std::string describe() const override { return "this page (no server)"; }
    // Whether anything waits for the console to drain it.
    bool pending() const { return !inbox_.empty(); }

    void before_event(const core::State& state, const core::EventEnvelope& event) override;
    void after_event(const core::State& state, const core::EventEnvelope& event,
                     std::uint64_t seq) override;

private:
    void hello(const std::string& text);
    void command(const std::string& text);
    void refuse_and_close(std::string message, std::string reason);
    void deliver(std::string message) {
        inbox_.emplace_back(std::in_place_type<console::LinkMessage>,
                            console::LinkMessage{std::move(message)});
    }

    sim::Stage& stage_;
    const LocalSignIn& sign_in_;
    bool open_ = false;
    std::optional<core::Actor> actor_;
    // Before the event being applied: whether the actor saw its chat, and who they were.
    bool saw_chat_before_ = false;
    std::optional<core::Agent> agent_before_;
    std::vector<console::LinkEvent> inbox_;
};

}  // namespace parley::demo
