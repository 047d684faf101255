// The floor from the State's indexes: its cost follows the queues, the staff and the alerts,
// not the chats. Standard library only.
#include "core/floor.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace parley::core {
namespace {

// The queue's waiting chats (queued or offered) past the target, counted; the oldest of them
// become alerts while there is room for them.
void beyond_target(const QueueIndex& index, const Queue& queue, Timestamp now, QueueFloor& row,
                   std::vector<FloorAlert>& alerts, std::size_t room) {
    for (const std::set<TimeKey>* waiting : {&index.waiting, &index.offered}) {
        std::size_t listed = 0;
        for (const TimeKey& key : *waiting) {
            if (now - key.at <= queue.config.target_wait)
                break;
            ++row.beyond_target;
            if (listed++ < room)
                alerts.push_back({AlertKind::waiting_beyond_target, key.chat, queue.id, key.at});
        }
    }
}

// Orders alerts oldest first, totally, so the native and the wasm core (different sorts) list
// ties alike.
bool older(const FloorAlert& a, const FloorAlert& b) {
    return std::tie(a.since, a.chat, a.kind) < std::tie(b.since, b.chat, b.kind);
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
    std::vector<FloorAlert> requests;
    std::uint64_t alerts = 0;
    for (const TimeKey& request : state.index.supervisor_requests) {
        const Chat* chat = state.find_chat(request.chat);
        const Queue* queue = chat ? state.find_queue(chat->queue) : nullptr;
        if (!queue || !queue->enabled)
            continue;
        ++alerts;
        if (requests.size() < kFloorAlerts) {
            requests.push_back(
                {AlertKind::supervisor_requested, chat->id, chat->queue, request.at});
        }
    }
    const std::size_t room = kFloorAlerts - std::min(kFloorAlerts, requests.size());
    std::vector<FloorAlert> waits;
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
        beyond_target(index, queue, now, row, waits, room);
        if (const auto today = index.days.find(midnight); today != index.days.end()) {
            row.started_today = today->second.started;
            row.abandoned_today = today->second.abandoned;
        }
    }
    for (const QueueFloor& row : floor.queues)
        alerts += row.beyond_target;
    std::sort(waits.begin(), waits.end(), older);
    waits.resize(std::min(waits.size(), room));
    floor.alerts = std::move(requests);
    floor.alerts.insert(floor.alerts.end(), waits.begin(), waits.end());
    std::sort(floor.alerts.begin(), floor.alerts.end(), older);
    floor.more_alerts = alerts - floor.alerts.size();
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
