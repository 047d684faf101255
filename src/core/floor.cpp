// The floor over the chats of a State. Standard library only.
#include "core/floor.h"

#include <algorithm>
#include <map>

#include "core/analytics.h"

namespace parley::core {
namespace {

bool waits(ChatStatus status) {
    return status == ChatStatus::queued || status == ChatStatus::offered;
}

// When the chat's newest supervisor request was made.
Timestamp requested_at(const Chat& chat) {
    for (auto entry = chat.activity.rbegin(); entry != chat.activity.rend(); ++entry) {
        if (entry->kind == ActivityKind::supervisor_requested) {
            return entry->at;
        }
    }
    return chat.created_at;
}

void count_chat(const State& state, const Chat& chat, Timestamp now, QueueFloor& queue,
                std::vector<FloorAlert>& alerts) {
    if (waits(chat.status)) {
        ++(chat.status == ChatStatus::queued ? queue.waiting : queue.offered);
        const Duration waited = now - chat.queued_since;
        queue.longest_wait = std::max(queue.longest_wait, waited);
        const Queue* config = state.find_queue(chat.queue);
        if (config && waited > config->config.target_wait) {
            ++queue.beyond_target;
            alerts.push_back(
                {AlertKind::waiting_beyond_target, chat.id, chat.queue, chat.queued_since});
        }
    } else if (chat.status == ChatStatus::active || chat.status == ChatStatus::pending_transfer) {
        ++queue.active;
    }
    if (chat.supervisor_requested && chat.participants.empty() &&
        chat.status != ChatStatus::closed && chat.status != ChatStatus::archived) {
        alerts.push_back(
            {AlertKind::supervisor_requested, chat.id, chat.queue, requested_at(chat)});
    }
}

}  // namespace

double QueueFloor::abandonment_today() const {
    return started_today == 0
               ? 0.0
               : static_cast<double>(abandoned_today) / static_cast<double>(started_today);
}

Floor floor_at(const State& state, Timestamp now) {
    Floor floor;
    std::map<QueueId, std::size_t> rows;
    for (const Queue& queue : state.queues) {
        if (!queue.enabled) {
            continue;
        }
        rows.emplace(queue.id, floor.queues.size());
        QueueFloor& row = floor.queues.emplace_back();
        row.queue = queue.id;
        for (const AgentId& member : queue.members) {
            const Agent* agent = state.find_agent(member);
            if (agent && agent->enabled && agent->presence == Presence::online) {
                row.online.push_back(member);
            }
        }
    }
    for (const Chat& chat : state.chats) {
        if (vacated(chat))
            continue;
        if (const auto row = rows.find(chat.queue); row != rows.end()) {
            count_chat(state, chat, now, floor.queues[row->second], floor.alerts);
        }
    }
    const Timestamp midnight = now - now % kDay;
    for (const AnalyticsRow& today : analytics(state, GroupBy::queue, midnight, now + 1)) {
        for (QueueFloor& row : floor.queues) {
            if (state.find_queue(row.queue)->config.name == today.group) {
                row.started_today = today.metrics.chats;
                row.abandoned_today = today.metrics.abandoned;
            }
        }
    }
    std::sort(floor.alerts.begin(), floor.alerts.end(),
              [](const FloorAlert& a, const FloorAlert& b) { return a.since < b.since; });
    for (const auto& [id, agent] : state.agents) {
        if (!agent.enabled) {
            continue;
        }
        AgentFloor& row = floor.agents.emplace_back();
        row.agent = id;
        row.presence = agent.presence;
        row.load = state.chats_of(id).load();
        row.capacity = agent.capacity;
        if (agent.presence_since) {
            row.in_presence = now - *agent.presence_since;
        }
    }
    return floor;
}

}  // namespace parley::core
