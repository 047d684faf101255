// Replay of one chat's history: the chat as it was after any of its events, folded with
// apply() from its own events alone, on top of the floor's organisation (queues, agents,
// settings) taken from a State. What an audit shows "as of then". Standard library only.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "core/events.h"
#include "core/model.h"
#include "core/state.h"

namespace parley::core {

// The chat after the replayed events, with its ticket as it stood then.
struct ReplayedChat {
    Chat chat;
    std::optional<Ticket> ticket;
    bool operator==(const ReplayedChat&) const = default;
};

// Why the events are not one chat's history: the position of the first event at fault and a
// sentence.
struct ReplayError {
    std::size_t event = 0;
    std::string message;
    bool operator==(const ReplayError&) const = default;
};

// Steps through one chat's events, checking each: the first must start the chat, and no
// later one may start it again, be dated before the one ahead of it, or be about another chat
// (or none). An event at fault changes nothing. `world` must outlive the replay; its chats are
// not read.
class ChatReplay {
public:
    ChatReplay(const State& world, ChatId chat);

    // The fault's sentence, or nothing when the event was applied.
    std::optional<std::string> step(const EventEnvelope& event);

    std::size_t steps() const { return steps_; }
    // The chat after the events so far; null before the first.
    const Chat* chat() const { return state_.find_chat(chat_); }
    // The replay's own State: the floor's organisation and this one chat, for the rules (who
    // may see it, how it reads) that take a State.
    const State& state() const { return state_; }
    ReplayedChat replayed() const;

private:
    const State& world_;
    State state_;
    ChatId chat_;
    std::size_t steps_ = 0;
    Timestamp last_at_ = 0;
};

// The chat after all of `events` (pass a prefix for the chat as it was after an earlier one).
std::variant<ReplayedChat, ReplayError> replay_chat(const State& world, const ChatId& chat,
                                                    std::span<const EventEnvelope> events);

}  // namespace parley::core
