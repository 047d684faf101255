// The in-page demo's people: customers arriving at random (a Poisson process, at most a few
// waiting at once) in the demo queues and languages, and simulated colleagues working beside
// the visitor. Driven by the clock it is advanced to: no threads, no sockets.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "core/ids.h"
#include "sim/script/agenda.h"
#include "sim/script/cast.h"
#include "sim/script/page_colleague.h"
#include "sim/script/page_customer.h"
#include "sim/script/persona.h"
#include "sim/script/rng.h"
#include "sim/script/stage.h"

namespace parley::sim {

struct FloorSettings {
    Crowd crowd{7.5,
                {{"General", 2}, {"Billing", 2}, {"Technical", 1}},
                {"en", "ru", "de", "es", "fr"},
                3,
                Behaviour{}};
    double first_after_seconds = 1.5;
    // No new customer while this many wait for an agent.
    int max_waiting = 4;
    // The demo organisation's agents who work the floor beside the visitor.
    std::vector<core::AgentId> colleagues = {"ivan", "chen"};
};

class PageFloor final : public StageWatcher {
public:
    PageFloor(Stage& stage, FloorSettings settings, std::uint64_t seed);
    ~PageFloor() override;
    PageFloor(const PageFloor&) = delete;
    PageFloor& operator=(const PageFloor&) = delete;

    // Runs everything due by `seconds` on the floor's clock (seconds since the page started).
    void advance_to(double seconds);
    // The visitor's agent: the colleague with that account stands aside.
    void set_visitor(const std::optional<core::AgentId>& agent);

    void after_event(const core::State& state, const core::EventEnvelope& event) override;

private:
    void arrive();

    Stage& stage_;
    FloorSettings settings_;
    Rng rng_;
    Agenda agenda_;
    Cast cast_;
    std::vector<std::unique_ptr<PageCustomer>> customers_;
    std::map<core::ChatId, PageCustomer*> by_chat_;
    std::vector<std::unique_ptr<PageColleague>> colleagues_;
};

}  // namespace parley::sim
