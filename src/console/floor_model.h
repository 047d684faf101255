// The Floor workspace's view model: core::floor_at with names and words, rebuilt when the
// replica changes or a second passes (waits and times in state grow by themselves). No ImGui.
#pragma once

#include "core/floor.h"
#include "core/state.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::console {

struct FloorLoad {
    std::string_view agent;
    int load = 0;
    int capacity = 0;
};

struct FloorQueueRow {
    core::QueueId id = 0;
    std::string_view name;
    core::RoutingMode mode = core::RoutingMode::pick;
    core::QueueFloor figures;
    core::Duration target_wait = 0;
    std::vector<FloorLoad> online;
};

struct FloorAgentRow {
    core::AgentId id;
    std::string_view name;
    core::Role role = core::Role::agent;
    core::AgentFloor figures;
};

struct FloorAlertRow {
    core::AlertKind kind = core::AlertKind::supervisor_requested;
    core::ChatId chat;
    // "Anna Smith has waited 2:10 in Billing (target 1:00)".
    std::string text;
};

struct FloorView {
    std::vector<FloorAlertRow> alerts;
    // Alerts the floor does not list (core::kFloorAlerts).
    std::uint64_t more_alerts = 0;
    std::vector<FloorQueueRow> queues;
    std::vector<FloorAgentRow> agents;
};

// Keeps the floor between frames; the console owns it.
class FloorCache {
public:
    const FloorView& view(const core::State& state, std::uint64_t version, core::Timestamp now);

private:
    std::optional<std::uint64_t> version_;
    core::Timestamp second_ = 0;
    FloorView view_;
};

}  // namespace parley::console
