// Who receives an event, and in what form. The rules are the core's (visibility.h); this file
// only narrows the feeds worth asking, so one message costs a handful of checks instead of one
// per connection: the chat's customer, the agents the chat names, its queue's members while it
// waits, and the wide feeds (supervisors, admins, integrations). Runs in two steps
// around core::apply, because visibility can change with the event itself.
#pragma once

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

    const Feeds& feeds_;
    const core::EventEnvelope& event_;
    std::optional<core::ChatId> chat_;
    std::vector<Candidate> candidates_;
    std::optional<Scope> scope_;
    std::optional<core::AgentId> changed_sight_;
};

// The sync message that replaces an actor's replica: their visible State at `seq`.
Message sync_message(const core::State& state, const core::Actor& actor, std::uint64_t seq);

}  // namespace parley::engine
