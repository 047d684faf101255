// Who receives an event, and in what form. The rules are the core's (visibility.h); this file
// only narrows the feeds worth asking, so one message costs a handful of checks instead of one
// per connection: the chat's customer, the agents the chat names, its queue's members while it
// waits, and the wide feeds (supervisors, admins, integrations); a customer also gets their
// chat's view after each event they receive. Runs in two steps
// around core::apply, because visibility can change with the event itself.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/events.h"
#include "core/state.h"
#include "engine/feeds.h"

namespace parley::engine {

struct Delivery {
    std::shared_ptr<Feed> feed;
    Message message;
};

class EventFanout {
public:
    // Before core::apply: notes who could see the event's chat, and the scope of the agent a
    // staff event is about.
    EventFanout(const Feeds& feeds, const core::State& before, const core::EventEnvelope& event);

    // After core::apply: the message for each feed that may see the event. `event_json` is the
    // event as encode_event wrote it (the staff form). Staff whose sight changed (role, queues,
    // enabled) get a fresh sync instead.
    std::vector<Delivery> deliveries(const core::State& after, std::uint64_t seq,
                                     const std::string& event_json);

    // After deliveries(): the agent whose sight the event changed, if any.
    const std::optional<core::AgentId>& changed_sight() const { return changed_sight_; }

private:
    struct Candidate {
        std::shared_ptr<Feed> feed;
        bool saw_chat_before = false;
    };
    struct Scope {
        core::AgentId agent;
        std::optional<core::Agent> before;
    };

    void add_chat_candidates(const core::State& state, const core::Chat& chat, bool before);
    void add(const std::shared_ptr<Feed>& feed, bool saw_before);
    void add_agent(const core::AgentId& agent, bool saw_before);

    // The first message of the chat the event added or changed (a receipt raises states).
    std::size_t first_changed_message(const core::Chat& after) const;

    const Feeds& feeds_;
    const core::EventEnvelope& event_;
    std::optional<core::ChatId> chat_;
    // The chat's message states before the event, kept only when its customer is connected.
    std::vector<core::MessageState> message_states_before_;
    std::vector<Candidate> candidates_;
    std::optional<Scope> scope_;
    std::optional<core::AgentId> changed_sight_;
};

// The sync message that replaces an actor's replica: their visible State at `seq`, and for a
// customer the view of each of their chats.
Message sync_message(const core::State& state, const core::Actor& actor, std::uint64_t seq);

// What a customer is sent after each event of their chat they receive: the chat as they see
// it now (core::customer_view), so their client draws it without folding events, with the
// messages from index `messages_from` on. `command_id`: the event's, as the customer may see
// it (empty unless they sent the command).
Message chat_view_message(const core::State& state, const core::Actor& customer,
                          const core::Chat& chat, std::uint64_t seq,
                          const core::CommandId& command_id, std::size_t messages_from);

}  // namespace parley::engine
