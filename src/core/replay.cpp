// ChatReplay: a State holding only the floor's organisation, the chat's events checked one by
// one and applied to it. Standard library only.
#include "core/replay.h"

#include <algorithm>
#include <utility>

#include "core/apply.h"
#include "core/visibility.h"

namespace parley::core {
namespace {

// Queues and agents without any chat: apply() looks queues up when a chat starts or moves,
// and agents when one is assigned. The indexes then count this chat alone.
State organisation_of(const State& world) {
    State organisation;
    organisation.settings = world.settings;
    organisation.queues = world.queues;
    organisation.agents = world.agents;
    rebuild_indexes(organisation);
    return organisation;
}

}  // namespace

ChatReplay::ChatReplay(const State& world, ChatId chat)
    : world_(world), state_(organisation_of(world)), chat_(std::move(chat)) {}

std::optional<std::string> ChatReplay::step(const EventEnvelope& event) {
    const bool starts = std::holds_alternative<ChatStarted>(event.event);
    if (steps_ == 0 && !starts) {
        return "The history does not begin with the chat starting.";
    }
    if (steps_ > 0 && starts) {
        return "The chat starts a second time.";
    }
    if (steps_ > 0 && event.at < last_at_) {
        return "The event is dated before the one listed ahead of it.";
    }
    if (chat_of(state_, event.event) != chat_) {
        return "The event is not about chat " + chat_ + ".";
    }
    if (const auto* created = std::get_if<TicketCreated>(&event.event)) {
        // Ticket ids are dense and apply() only creates the next one: keep the tickets
        // numbered before the chat's own (later ones belong to other chats).
        const TicketId before = std::min<TicketId>(created->ticket - 1, world_.tickets.size());
        state_.tickets.assign(world_.tickets.begin(),
                              world_.tickets.begin() + static_cast<std::ptrdiff_t>(before));
    }
    if (const auto* linked = std::get_if<TicketLinked>(&event.event)) {
        // The ticket was raised in an earlier chat: the replay needs it numbered in place.
        const TicketId through = std::min<TicketId>(linked->ticket.id, world_.tickets.size());
        if (state_.tickets.size() < through) {
            state_.tickets.assign(world_.tickets.begin(),
                                  world_.tickets.begin() + static_cast<std::ptrdiff_t>(through));
        }
    }
    if (const auto* archived = std::get_if<ChatArchived>(&event.event)) {
        mark_archived(state_, *archived, event.at);
    } else {
        apply(state_, event);
    }
    last_at_ = event.at;
    ++steps_;
    return std::nullopt;
}

ReplayedChat ChatReplay::replayed() const {
    ReplayedChat replayed;
    if (const Chat* now = chat()) {
        replayed.chat = *now;
        if (now->ticket) {
            if (const Ticket* ticket = state_.find_ticket(*now->ticket)) {
                replayed.ticket = *ticket;
            }
        }
    }
    return replayed;
}

std::variant<ReplayedChat, ReplayError> replay_chat(const State& world, const ChatId& chat,
                                                    std::span<const EventEnvelope> events) {
    if (events.empty()) {
        return ReplayError{0, "There are no events to replay."};
    }
    ChatReplay replay(world, chat);
    for (std::size_t at = 0; at < events.size(); ++at) {
        if (auto fault = replay.step(events[at])) {
            return ReplayError{at, std::move(*fault)};
        }
    }
    return replay.replayed();
}

}  // namespace parley::core
