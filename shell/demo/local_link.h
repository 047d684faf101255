// The console's Link to an in-page engine instead of a server: the same wire protocol, answered
// in the page. A hello gets a welcome and the signed-in agent's feed (a sync, or the messages
// after the resume point); each command goes to the stage's engine and is answered with an ack
// or the core's rejection, after the events it caused. What the agent is sent is the engine's
// to decide, as on the server. Nothing here touches a socket or the browser.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "console/link.h"
#include "core/actor.h"
#include "engine/inbox.h"
#include "local_sign_in.h"
#include "sim/script/stage.h"

namespace parley::demo {

class LocalLink final : public console::Link {
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
    bool pending() const { return !events_.empty() || !inbox_->empty(); }

private:
    void hello(const std::string& text);
    void command(const std::string& text);
    void refuse_and_close(std::string message, std::string reason);
    void deliver(std::string message);
    // Moves what the feed delivered behind the link's own events, in order.
    void collect();
    void leave_feed();

    sim::Stage& stage_;
    const LocalSignIn& sign_in_;
    bool open_ = false;
    std::optional<core::Actor> actor_;
    std::shared_ptr<engine::Inbox> inbox_ = std::make_shared<engine::Inbox>();
    std::vector<console::LinkEvent> events_;
};

}  // namespace parley::demo
