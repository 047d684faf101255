#include "console/replica.h"

#include "core/apply.h"

#include <utility>

namespace parley::console {

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
    core::apply(state_, std::move(message.event));
    seq_ = message.seq;
    ++version_;
    return Step::applied;
}

Replica::Step Replica::apply(protocol::ChatMessage&& message) {
    if (const auto refused = refuse(message.seq)) {
        return *refused;
    }
    if (core::Chat* held = state_.find_chat(message.chat.id)) {
        *held = std::move(message.chat);
    } else {
        state_.chats.push_back(std::move(message.chat));
    }
    core::rebuild_indexes(state_);
    seq_ = message.seq;
    ++version_;
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
