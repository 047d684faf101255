#include "sim/script/page_floor.h"

#include <algorithm>

#include "core/visibility.h"
#include "sim/script/demo_organisation.h"

namespace parley::sim {

PageFloor::PageFloor(Stage& stage, FloorSettings settings, std::uint64_t seed)
    : stage_(stage), settings_(std::move(settings)), rng_(seed), cast_{stage, agenda_, 0} {
    for (const core::AgentId& id : settings_.colleagues) {
        const auto& accounts = demo_accounts();
        const auto account = std::find_if(accounts.begin(), accounts.end(),
                                          [&](const DemoAccount& a) { return a.id == id; });
        const std::string name = account == accounts.end() ? id : account->name;
        colleagues_.push_back(std::make_unique<PageColleague>(
            cast_, id, name.substr(0, name.find(' ')), settings_.crowd.behaviour, rng_.fork()));
        colleagues_.back()->start();
    }
    stage_.watch(*this);
    agenda_.after(settings_.first_after_seconds, [this] { arrive(); });
}

PageFloor::~PageFloor() {
    stage_.unwatch(*this);
}

void PageFloor::advance_to(double seconds) {
    agenda_.advance_to(seconds);
}

void PageFloor::set_visitor(const std::optional<core::AgentId>& agent) {
    for (const auto& colleague : colleagues_) {
        colleague->stand_aside(agent == colleague->id());
    }
}

void PageFloor::arrive() {
    agenda_.after(arrival_gap(rng_, settings_.crowd), [this] { arrive(); });
    // Drawn whether or not they come in, so a full queue does not change who comes next.
    Persona persona = draw_persona(rng_, settings_.crowd);
    Rng own = rng_.fork();
    const auto waiting = std::count_if(customers_.begin(), customers_.end(),
                                       [](const auto& customer) { return customer->waiting(); });
    if (waiting >= settings_.max_waiting) {
        return;
    }
    customers_.push_back(std::make_unique<PageCustomer>(cast_, std::move(persona), own));
    customers_.back()->arrive();
    if (!customers_.back()->chat().empty()) {
        by_chat_[customers_.back()->chat()] = customers_.back().get();
    }
}

void PageFloor::after_event(const core::State& state, const core::EventEnvelope& event) {
    const auto chat = core::chat_of(state, event.event);
    if (!chat) {
        return;
    }
    const auto customer = by_chat_.find(*chat);
    if (customer == by_chat_.end()) {
        return;
    }
    // Customers hear of their chat as the server would tell them, and act once the command
    // that caused the event is through.
    if (auto view = core::view_for(state, customer->second->actor(), event)) {
        agenda_.after(0, [person = customer->second, seen = std::move(view->event)] {
            person->notice(seen);
        });
    }
}

}  // namespace parley::sim
