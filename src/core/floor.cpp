// The floor from the State's indexes: its cost follows the queues, the staff and the alerts,
// not the chats. Standard library only.
#include "core/floor.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace parley::core {
namespace {

// The queue's waiting chats (queued or offered) from the oldest, while they are past the
// target: alerts for them, and how many.
void beyond_target(const QueueIndex& index, const Queue& queue, Timestamp now, QueueFloor& row,
                   std::vector<FloorAlert>& alerts) {
    for (const std::set<TimeKey>* waiting : {&index.waiting, &index.offered}) {
        for (const TimeKey& key : *waiting) {
            if (now - key.at <= queue.config.target_wait)
                break;
            ++row.beyond_target;
            alerts.push_back({AlertKind::waiting_beyond_target, key.chat, queue.id, key.at});
        }
    }
}

Duration longest_wait(const QueueIndex& index, Timestamp now) {
    Duration longest = 0;
    for (const std::set<TimeKey>* waiting : {&index.waiting, &index.offered}) {
        if (!waiting->empty())
            longest = std::max(longest, now - waiting->begin()->at);
    }
    return longest;
}

}  // namespace

double QueueFloor::abandonment_today() const {
    return started_today == 0
               ? 0.0
               : static_cast<double>(abandoned_today) / static_cast<double>(started_today);
}

Floor floor_at(const State& state, Timestamp now) {
    Floor floor;
    const Timestamp midnight = now - now % kDay;
    for (const Queue& queue : state.queues) {
        if (!queue.enabled) {
            continue;
        }
        const QueueIndex& index = state.queue_index(queue.id);
        QueueFloor& row = floor.queues.emplace_back();
        row.queue = queue.id;
        for (const AgentId& member : queue.members) {
            const Agent* agent = state.find_agent(member);
            if (agent && agent->enabled && agent->presence == Presence::online) {
                row.online.push_back(member);
            }
        }
        row.waiting = index.waiting.size();
        row.offered = index.offered.size();
        row.active = index.active;
        row.longest_wait = longest_wait(index, now);
        beyond_target(index, queue, now, row, floor.alerts);
        if (const auto today = index.days.find(midnight); today != index.days.end()) {
            row.started_today = today->second.started;
            row.abandoned_today = today->second.abandoned;
        }
    }
    for (const TimeKey& request : state.index.supervisor_requests) {
        const Chat* chat = state.find_chat(request.chat);
        const Queue* queue = chat ? state.find_queue(chat->queue) : nullptr;
        if (queue && queue->enabled) {
            floor.alerts.push_back(
                {AlertKind::supervisor_requested, chat->id, chat->queue, request.at});
        }
    }
    // A total order, so the native and the wasm core (different sorts) list ties alike.
    std::sort(floor.alerts.begin(), floor.alerts.end(),
              [](const FloorAlert& a, const FloorAlert& b) {
                  return std::tie(a.since, a.chat, a.kind) < std::tie(b.since, b.chat, b.kind);
              });
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
