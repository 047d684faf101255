// The live floor a supervisor watches: per queue what waits, what is offered and answered,
// who is online to take it and how loaded they are, and today's abandonment; per agent their
// presence, load and time in that presence; and the alerts that need a supervisor now.
// Pure functions over State. Standard library only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/state.h"

namespace parley::core {

struct QueueFloor {
    QueueId queue = 0;
    std::uint64_t waiting = 0;
    std::uint64_t offered = 0;
    // Held by an agent, or on its way to one by transfer.
    std::uint64_t active = 0;
    // The longest a chat still waiting (queued or offered) has waited; 0 when none waits.
    Duration longest_wait = 0;
    // Waiting chats past the queue's target wait.
    std::uint64_t beyond_target = 0;
    // Enabled members who are online, by id.
    std::vector<AgentId> online;
    // Chats started in the queue since midnight UTC, and how many of those the customer
    // abandoned (core::analytics's definition).
    std::uint64_t started_today = 0;
    std::uint64_t abandoned_today = 0;

    double abandonment_today() const;
    bool operator==(const QueueFloor&) const = default;
};

struct AgentFloor {
    AgentId agent;
    Presence presence = Presence::offline;
    int load = 0;
    int capacity = 0;
    // How long the agent has been in this presence; unknown for accounts whose last change
    // predates the record.
    std::optional<Duration> in_presence;
    bool operator==(const AgentFloor&) const = default;
};

enum class AlertKind { supervisor_requested, waiting_beyond_target };

struct FloorAlert {
    AlertKind kind = AlertKind::supervisor_requested;
    ChatId chat;
    QueueId queue = 0;
    // Since when the chat has needed attention: the request, or the start of the wait.
    Timestamp since = 0;
    bool operator==(const FloorAlert&) const = default;
};

// The most alerts a floor lists: a supervisor acts on the first few, and a backlog of
// thousands past their target would cost every rebuild a line each. Requests for a supervisor
// come before waits past the target when there are more.
inline constexpr std::size_t kFloorAlerts = 50;

struct Floor {
    // Enabled queues, by id.
    std::vector<QueueFloor> queues;
    // Enabled staff accounts, by id.
    std::vector<AgentFloor> agents;
    // Oldest first, at most kFloorAlerts.
    std::vector<FloorAlert> alerts;
    // Alerts beyond those listed.
    std::uint64_t more_alerts = 0;
    bool operator==(const Floor&) const = default;
};

Floor floor_at(const State& state, Timestamp now);

}  // namespace parley::core
