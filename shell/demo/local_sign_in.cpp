#include "local_sign_in.h"

#include <algorithm>
#include <utility>

#include "sim/script/demo_organisation.h"

namespace parley::demo {

LocalSignIn::LocalSignIn(sim::Stage& stage, sim::PageFloor& floor,
                         const core::AgentId& first_visitor)
    : stage_(stage), floor_(floor) {
    enter(first_visitor);
}

void LocalSignIn::enter(const core::AgentId& agent) {
    agent_ = agent;
    floor_.set_visitor(agent_);
    // A visitor has come to try the desk: it starts online, so customers reach them at once.
    stage_.submit("visitor-" + std::to_string(++sign_ins_), core::Actor::agent(agent),
                  core::SetPresence{agent, core::Presence::online});
}

void LocalSignIn::request(const std::string& agent, const std::string& password) {
    const auto& accounts = sim::demo_accounts();
    const auto account = std::find_if(
        accounts.begin(), accounts.end(),
        [&](const sim::DemoAccount& a) { return a.id == agent && a.password == password; });
    if (account == accounts.end()) {
        inbox_.emplace_back(
            std::in_place_type<console::SignInFailed>,
            console::SignInFailed{"Unknown account or wrong password. The demo accounts are "
                                  "maria, ivan, chen, sofia and admin, each with the password "
                                  "name-demo (maria-demo)."});
        return;
    }
    enter(account->id);
    inbox_.emplace_back(std::in_place_type<console::SignedIn>);
}

void LocalSignIn::sign_out() {
    if (agent_) {
        stage_.submit("visitor-" + std::to_string(++sign_ins_), core::Actor::agent(*agent_),
                      core::SetPresence{*agent_, core::Presence::offline});
    }
    agent_.reset();
    floor_.set_visitor(std::nullopt);
    inbox_.emplace_back(std::in_place_type<console::SignedOut>);
}

std::vector<console::SignInEvent> LocalSignIn::drain() {
    return std::exchange(inbox_, {});
}

}  // namespace parley::demo
