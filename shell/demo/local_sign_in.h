// Signing in to the in-page demo: the demo organisation's accounts and passwords, checked in
// the page, and a session the page keeps the way a browser keeps its cookie. The visitor
// starts signed in as Maria Garcia, already online, so the desk is there at once; signing
// out offers the other accounts. Whoever is signed in is the agent the simulated colleagues
// leave alone.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "console/sign_in.h"
#include "core/ids.h"
#include "sim/script/page_floor.h"
#include "sim/script/stage.h"

namespace parley::demo {

class LocalSignIn final : public console::SignIn {
public:
    LocalSignIn(sim::Stage& stage, sim::PageFloor& floor, const core::AgentId& first_visitor);

    void request(const std::string& agent, const std::string& password) override;
    void sign_out() override;
    std::vector<console::SignInEvent> drain() override;

    // The agent this page is signed in as, like the server's reading of a session cookie.
    const std::optional<core::AgentId>& agent() const { return agent_; }

private:
    void enter(const core::AgentId& agent);

    sim::Stage& stage_;
    sim::PageFloor& floor_;
    std::optional<core::AgentId> agent_;
    std::vector<console::SignInEvent> inbox_;
    int sign_ins_ = 0;
};

}  // namespace parley::demo
