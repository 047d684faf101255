// The Analytics workspace's view model: the server's figures (GET /api/analytics, summed by its
// read model over every chat, archived ones included: the replica holds only live chats), one
// series per metric for the chart, formatted cells for the table, and the address of the same
// figures as CSV. The view asks again when the question changes, and a few seconds after the
// replica did. No ImGui.
#pragma once

#include "console/api_calls.h"
#include "core/analytics.h"
#include "core/state.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace parley::console {

enum class AnalyticsRange { today, last_7_days, last_30_days, last_90_days };
enum class Measure {
    chats,
    first_response,
    response,
    resolution,
    wait,
    abandonment,
    messages_per_chat,
    csat
};
inline constexpr std::size_t kMeasureCount = 8;

// What the supervisor asked; kept in UiState.
struct AnalyticsQuery {
    core::GroupBy by = core::GroupBy::day;
    AnalyticsRange range = AnalyticsRange::last_7_days;
    Measure measure = Measure::chats;
    bool operator==(const AnalyticsQuery&) const = default;
};

struct AnalyticsTableRow {
    // The queue's, agent's or channel's name, or the day.
    std::string group;
    core::Metrics metrics;
    // Formatted by Measure.
    std::array<std::string, kMeasureCount> cells;
    // By Measure, in the chart's unit (seconds for durations, percent for abandonment).
    std::array<double, kMeasureCount> values{};
};

inline constexpr const char* kAnalyticsCall = "analytics";

struct AnalyticsView {
    AnalyticsQuery query;
    // GET this for the figures (JSON); ask again when `refresh`.
    std::string path;
    bool refresh = false;
    bool loading = false;
    // Why the figures did not come.
    std::string problem;
    core::Timestamp from = 0;
    core::Timestamp to = 0;
    std::vector<AnalyticsTableRow> rows;
    AnalyticsTableRow total;
    // GET this for the same figures as a CSV download.
    std::string csv_path;
};

const char* measure_name(Measure measure);
// "s" for durations, "%" for the abandonment rate, "" for counts.
const char* measure_unit(Measure measure);
const char* range_name(AnalyticsRange range);

// The range's bounds: whole UTC days ending with today.
std::pair<core::Timestamp, core::Timestamp> range_bounds(AnalyticsRange range, core::Timestamp now);

class AnalyticsCache {
public:
    // `asked`: the path of the figures last asked for.
    const AnalyticsView& view(const core::State& state, std::uint64_t version, const ApiCalls* api,
                              const AnalyticsQuery& query, const std::string& asked,
                              core::Timestamp now);

private:
    std::uint64_t generation_ = 0;
    // The answer's figures and what it answered.
    std::vector<core::AnalyticsRow> rows_;
    std::string answered_;
    std::optional<std::uint64_t> answered_version_;
    core::Timestamp answered_at_ = 0;
    std::string problem_;
    AnalyticsView view_;
};

}  // namespace parley::console
