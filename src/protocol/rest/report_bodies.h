// REST bodies of analytics and of POST /api/commands (server/README.md, "Analytics and audit",
// "Commands"). A chat's audit trail is protocol::ChatHistory (protocol/history_codec.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/analytics.h"
#include "core/ids.h"

namespace parley::protocol::rest {

// One group's figures; averages come with the count they are taken over (0 over none).
struct AnalyticsFigures {
    std::string group;
    std::uint64_t chats = 0;
    std::uint64_t closed = 0;
    std::uint64_t abandoned = 0;
    double abandonment_rate = 0;
    std::uint64_t messages = 0;
    double messages_per_chat = 0;
    core::Duration first_response_ms = 0;
    std::uint64_t first_responses = 0;
    core::Duration response_ms = 0;
    std::uint64_t responses = 0;
    core::Duration resolution_ms = 0;
    std::uint64_t resolutions = 0;
    core::Duration wait_ms = 0;
    std::uint64_t waits = 0;
    double csat = 0;
    std::uint64_t csat_count = 0;
};

// GET /api/analytics?format=json
struct AnalyticsReport {
    core::GroupBy by = core::GroupBy::day;
    core::Timestamp from = 0;
    core::Timestamp to = 0;
    std::vector<AnalyticsFigures> rows;
};

AnalyticsReport analytics_report(const std::vector<core::AnalyticsRow>& rows, core::GroupBy by,
                                 core::Timestamp from, core::Timestamp to);

// POST /api/commands
struct CommandAnswer {
    core::CommandId command_id;
    std::uint64_t seq = 0;
    bool duplicate = false;
};

}  // namespace parley::protocol::rest
