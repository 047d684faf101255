// The in-page stand-in for parley-server: one core State, started with the demo organisation,
// run by the same engine as the server's (decide, number, apply, address), with every delivery
// made at once since nothing here waits for a disk. Chat and customer ids are drawn from the
// seed; time is whatever the caller last said. Connections open feeds on the engine; the
// simulated people watch the events after they are applied.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.h"
#include "core/commands.h"
#include "core/events.h"
#include "core/rejection.h"
#include "core/state.h"
#include "engine/engine.h"
#include "sim/script/rng.h"

namespace parley::sim {

class StageWatcher {
public:
    virtual ~StageWatcher() = default;
    // After the command's events are applied and delivered, once per event.
    virtual void after_event(const core::State& state, const core::EventEnvelope& event) = 0;
};

struct StageAnswer {
    std::optional<core::Rejection> rejection;
    // The command's first event, or the stage's sequence number when it changed nothing.
    std::uint64_t seq = 0;
    // The id was used before: nothing changed and `seq` is the first outcome's.
    bool duplicate = false;
    // The chat a StartChat started.
    std::optional<core::ChatId> started;
};

class Stage {
public:
    Stage(std::uint64_t seed, core::Timestamp now);

    // The time the next commands carry (ms since the epoch); it never goes back. Runs the
    // core's timers (offer time-outs, reminders, auto-close) once a second, as the server does.
    void advance_to(core::Timestamp now);
    StageAnswer submit(const core::CommandId& id, const core::Actor& actor, core::Command command);

    const core::State& state() const { return state_; }
    std::uint64_t seq() const { return engine_.seq(); }
    core::Timestamp now() const { return now_; }
    engine::Engine& engine() { return engine_; }
    // "cus_" and 32 hex digits, as the server draws its ids.
    std::string new_id(std::string_view prefix);

    void watch(StageWatcher& watcher) { watchers_.push_back(&watcher); }
    void unwatch(const StageWatcher& watcher);

private:
    core::State state_;
    engine::Engine engine_;
    Rng rng_;
    core::Timestamp now_ = 0;
    core::Timestamp last_tick_ = 0;
    std::uint64_t ticks_ = 0;
    std::map<core::CommandId, std::uint64_t> first_seq_;
    std::vector<StageWatcher*> watchers_;
};

}  // namespace parley::sim
