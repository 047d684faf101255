#include "console/floor_model.h"

#include "console/chat_text.h"
#include "console/format.h"

namespace parley::console {

namespace {

std::string alert_text(const core::State& state, const core::FloorAlert& alert,
                       core::Timestamp now) {
    const core::Chat* chat = state.find_chat(alert.chat);
    const core::Queue* queue = state.find_queue(alert.queue);
    const std::string customer = chat ? std::string(customer_name(state, *chat)) : alert.chat;
    const std::string queue_name = queue ? queue->config.name : std::string();
    switch (alert.kind) {
    case core::AlertKind::waiting_beyond_target:
        return customer + " has waited " + format_duration(now - alert.since) + " in " +
               queue_name + " (target " + format_duration(queue ? queue->config.target_wait : 0) +
               ")";
    case core::AlertKind::supervisor_requested:
        break;
    }
    const std::string agent =
        chat && chat->assignee ? std::string(agent_name(state, *chat->assignee)) : "An agent";
    return agent + " asked for a supervisor in the chat with " + customer + ", " +
           format_duration(now - alert.since) + " ago";
}

FloorView build(const core::State& state, core::Timestamp now) {
    const core::Floor floor = core::floor_at(state, now);
    FloorView view;
    for (const core::FloorAlert& alert : floor.alerts) {
        view.alerts.push_back({alert.kind, alert.chat, alert_text(state, alert, now)});
    }
    view.more_alerts = floor.more_alerts;
    for (const core::QueueFloor& figures : floor.queues) {
        const core::Queue& queue = *state.find_queue(figures.queue);
        FloorQueueRow& row = view.queues.emplace_back();
        row.id = queue.id;
        row.name = queue.config.name;
        row.mode = queue.config.mode;
        row.figures = figures;
        row.target_wait = queue.config.target_wait;
        for (const core::AgentId& id : figures.online) {
            const core::Agent& agent = *state.find_agent(id);
            row.online.push_back({agent.profile.name, state.chats_of(id).load(), agent.capacity});
        }
    }
    for (const core::AgentFloor& figures : floor.agents) {
        const core::Agent& agent = *state.find_agent(figures.agent);
        view.agents.push_back({agent.id, agent.profile.name, agent.profile.role, figures});
    }
    return view;
}

}  // namespace

const FloorView& FloorCache::view(const core::State& state, std::uint64_t version,
                                  core::Timestamp now) {
    const core::Timestamp second = now / core::kSecond;
    if (version_ != version || second_ != second) {
        view_ = build(state, now);
        version_ = version;
        second_ = second;
    }
    return view_;
}

}  // namespace parley::console
