// Where each waiting customer stands in their queue (core::queue_position), for the customer's
// widget: sent when the customer connects and whenever it changed. Changes are gathered per
// queue and sent once per tick, because one accepted chat moves everyone behind it: a queue of
// thousands would otherwise cost thousands of messages per command. Used by the engine.
#pragma once

#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

#include "core/events.h"
#include "core/state.h"
#include "engine/fanout.h"
#include "engine/feeds.h"
#include "protocol/session.h"

namespace parley::engine {

class QueuePositions {
public:
    // Call before and after core::apply: the event's chat (or queue) marks its queue as
    // possibly changed; before and after, because a move to another queue changes both.
    void touch(const core::State& state, const core::Event& event);

    // The messages for connected customers whose position changed since the last flush.
    std::vector<Delivery> flush(const Feeds& feeds, const core::State& state);

    // The position of the customer's waiting chat, for a customer who just connected.
    std::optional<Message> current(const core::State& state, const core::Actor& customer);

private:
    std::set<core::QueueId> touched_;
    // The last position computed per waiting chat; a chat leaves when it stops waiting.
    std::unordered_map<core::ChatId, protocol::QueuePositionMessage> known_;
};

}  // namespace parley::engine
