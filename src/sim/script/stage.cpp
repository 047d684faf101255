#include "sim/script/stage.h"

#include <algorithm>
#include <utility>

#include "sim/script/demo_organisation.h"

namespace parley::sim {

Stage::Stage(std::uint64_t seed, core::Timestamp now)
    : engine_(state_), rng_(seed), now_(now), last_tick_(now) {
    int step_number = 0;
    for (DemoStep& step : demo_organisation()) {
        submit("demo-" + std::to_string(++step_number), step.actor, std::move(step.command));
    }
}

void Stage::advance_to(core::Timestamp now) {
    now_ = std::max(now_, now);
    if (now_ - last_tick_ >= core::kSecond) {
        last_tick_ = now_;
        submit("tick-" + std::to_string(++ticks_), core::Actor::system(), core::Tick{});
        engine_.expire(now_);
    }
}

std::string Stage::new_id(std::string_view prefix) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string id(prefix);
    for (int digit = 0; digit < 32; ++digit) {
        id += kHex[rng_.index(16)];
    }
    return id;
}

StageAnswer Stage::submit(const core::CommandId& id, const core::Actor& actor,
                          core::Command command) {
    StageAnswer answer;
    // Chat ids are the server's to choose, whatever the command said.
    if (auto* start = std::get_if<core::StartChat>(&command)) {
        start->chat = new_id("cht_");
        answer.started = start->chat;
    }
    const engine::Step step = engine_.execute({id, actor, now_, std::move(command)});
    answer.seq = engine_.seq();
    if (step.rejection) {
        answer.rejection = step.rejection;
        answer.started.reset();
        return answer;
    }
    if (step.duplicate) {
        const auto first = first_seq_.find(id);
        answer.seq = first == first_seq_.end() ? engine_.seq() : first->second;
        answer.duplicate = true;
        answer.started.reset();
        return answer;
    }
    for (const engine::Numbered& numbered : step.events) {
        engine::deliver(numbered);
    }
    for (const engine::Numbered& numbered : step.events) {
        for (StageWatcher* watcher : watchers_) {
            watcher->after_event(state_, numbered.event);
        }
    }
    if (!step.events.empty()) {
        answer.seq = step.events.front().seq;
    }
    first_seq_.emplace(id, answer.seq);
    return answer;
}

void Stage::unwatch(const StageWatcher& watcher) {
    std::erase(watchers_, &watcher);
}

}  // namespace parley::sim
