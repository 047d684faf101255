#include "console/replica.h"

#include "core/apply.h"

#include <utility>

namespace parley::console {

namespace {

// Whether looking the chat up finds that very chat.
bool holds(const core::State& state, const core::ChatId& id) {
    const core::Chat* chat = state.find_chat(id);
    return chat != nullptr && chat->id == id;
}

}  // namespace

Replica::Step Replica::apply(protocol::Sync&& sync) {
    state_ = std::move(sync.state);
    seq_ = sync.seq;
    ++version_;
    synced_ = true;
    return Step::applied;
}

std::optional<Replica::Step> Replica::refuse(std::uint64_t seq) const {
    if (!synced_) {
        return Step::out_of_step;
    }
    if (seq <= seq_) {
        return Step::ignored;
    }
    return std::nullopt;
}

Replica::Step Replica::apply(protocol::EventMessage&& message) {
    if (const auto refused = refuse(message.seq)) {
        return *refused;
    }
    const auto* started = std::get_if<core::ChatStarted>(&message.event.event);
    const std::optional<core::ChatId> started_chat =
        started ? std::optional(started->chat) : std::nullopt;
    core::apply(state_, std::move(message.event));
    seq_ = message.seq;
    ++version_;
    // apply() skips a start it cannot place; the copy would then miss the chat for good.
    if (started_chat && !holds(state_, *started_chat)) {
        return Step::out_of_step;
    }
    return Step::applied;
}

Replica::Step Replica::apply(protocol::ChatMessage&& message) {
    if (const auto refused = refuse(message.seq)) {
        return *refused;
    }
    const core::ChatId id = message.chat.id;
    if (holds(state_, id)) {
        core::Chat* held = state_.find_chat(id);
        *held = std::move(message.chat);
    } else {
        state_.chats.push_back(std::move(message.chat));
    }
    core::rebuild_indexes(state_);
    seq_ = message.seq;
    ++version_;
    if (!holds(state_, id)) {
        // The chat landed where the State does not look for it: this copy cannot hold it.
        return Step::out_of_step;
    }
    return Step::applied;
}

void Replica::forget() {
    state_ = core::State{};
    seq_ = 0;
    ++version_;
    synced_ = false;
}

std::optional<std::uint64_t> Replica::resume_point() const {
    return synced_ ? std::optional(seq_) : std::nullopt;
}

}  // namespace parley::console
