// decide → number → apply → address, and the opening of a feed.
#include "engine/engine.h"

#include <utility>

#include "core/apply.h"
#include "core/roles.h"
#include "core/visibility.h"
#include "protocol/codec.h"

namespace parley::engine {

void deliver(const Numbered& numbered) {
    for (const Delivery& delivery : numbered.deliveries) {
        delivery.feed->push(numbered.seq, delivery.message);
    }
}

void set_chat_version(ChatVersions& versions, const core::ChatId& chat, std::uint64_t version,
                      const core::Event& event) {
    if (std::holds_alternative<core::ChatArchived>(event)) {
        versions.erase(chat);
    } else {
        versions[chat] = version;
    }
}

Engine::Engine(core::State& state, Feeds::Limits limits) : state_(state), feeds_(limits) {}

Step Engine::execute(const core::CommandEnvelope& envelope) {
    core::Decision decision = core::decide(state_, envelope);
    Step step;
    step.rejection = std::move(decision.rejection);
    step.duplicate = decision.duplicate;
    step.events.reserve(decision.events.size());
    for (core::EventEnvelope& event : decision.events) {
        step.events.push_back(record(std::move(event)));
    }
    return step;
}

Numbered Engine::record(core::EventEnvelope event) {
    Numbered numbered;
    numbered.seq = ++seq_;
    EventFanout fanout(feeds_, state_, event);
    positions_.touch(state_, event.event);
    core::apply(state_, event);
    positions_.touch(state_, event.event);
    numbered.payload = protocol::encode_event(event);
    if (const auto chat = core::chat_of(state_, event.event)) {
        numbered.chat = *chat;
        numbered.chat_version = next_chat_version(*chat, event.event);
    }
    numbered.deliveries = fanout.deliveries(state_, numbered.seq, numbered.payload);
    if (fanout.changed_sight()) {
        refresh_wide(*fanout.changed_sight());
    }
    numbered.event = std::move(event);
    return numbered;
}

void Engine::restore(ChatVersions chat_versions, std::uint64_t seq) {
    chat_versions_ = std::move(chat_versions);
    seq_ = seq;
}

void Engine::replay(std::uint64_t seq, const core::EventEnvelope& event,
                    const std::optional<core::ChatId>& chat) {
    core::apply(state_, event);
    if (chat) {
        next_chat_version(*chat, event.event);
    }
    seq_ = seq;
}

Opening Engine::open(const core::Actor& actor, std::optional<std::uint64_t> resume_from) {
    bool created = false;
    Opening opening;
    opening.feed = feeds_.open(actor, seq_, created);
    if (actor.kind == core::ActorKind::agent) {
        refresh_wide(actor.id);
    } else if (actor.kind != core::ActorKind::customer) {
        feeds_.set_wide(opening.feed, true);
    }
    if (actor.kind == core::ActorKind::customer) {
        opening.position = positions_.current(state_, actor).value_or(nullptr);
    }
    opening.resumes = !created && resume_from && *resume_from <= seq_ &&
                      opening.feed->reaches_back_to(*resume_from);
    if (!opening.resumes) {
        opening.sync = sync_message(state_, actor, seq_);
    }
    return opening;
}

void Engine::attach(const std::shared_ptr<Subscriber>& subscriber, const core::Actor& actor,
                    std::optional<std::uint64_t> resume_from) {
    const Opening opening = open(actor, resume_from);
    if (opening.resumes) {
        opening.feed->resume(subscriber, *resume_from);
    } else {
        subscriber->deliver(opening.sync);
        opening.feed->attach(subscriber);
    }
    if (opening.position) {
        subscriber->deliver(opening.position);
    }
}

void Engine::close(const Subscriber& subscriber, const core::Actor& actor, core::Timestamp now) {
    if (const auto feed = feeds_.find(actor)) {
        feed->detach(&subscriber, now);
    }
}

std::vector<Delivery> Engine::queue_positions() {
    return positions_.flush(feeds_, state_);
}

std::uint64_t Engine::next_chat_version(const core::ChatId& chat, const core::Event& event) {
    const auto found = chat_versions_.find(chat);
    const std::uint64_t version = (found == chat_versions_.end() ? 0 : found->second) + 1;
    set_chat_version(chat_versions_, chat, version, event);
    return version;
}

void Engine::refresh_wide(const core::AgentId& agent_id) {
    if (const auto feed = feeds_.find(core::Actor::agent(agent_id))) {
        const core::Agent* agent = state_.find_agent(agent_id);
        feeds_.set_wide(feed, agent && agent->enabled && core::is_supervisor(*agent));
    }
}

}  // namespace parley::engine
