#include "console/analytics_model.h"

#include "console/api_bodies.h"
#include "protocol/rest/report_bodies.h"

#include "console/chat_text.h"
#include "console/format.h"
#include "core/names.h"

#include <cmath>
#include <cstdio>

namespace parley::console {

namespace {

double seconds(core::Duration duration) {
    return static_cast<double>(duration) / 1000.0;
}

std::string fixed(double value, const char* format) {
    char text[32];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

// Durations with nothing measured read as a dash, not as "0 s".
std::string duration_cell(core::Duration average, std::uint64_t count) {
    return count == 0 ? "—" : format_duration(average);
}

AnalyticsTableRow table_row(std::string group, const core::Metrics& m) {
    AnalyticsTableRow row;
    row.group = std::move(group);
    row.metrics = m;
    const auto set = [&row](Measure measure, double value, std::string cell) {
        row.values[static_cast<std::size_t>(measure)] = value;
        row.cells[static_cast<std::size_t>(measure)] = std::move(cell);
    };
    set(Measure::chats, static_cast<double>(m.chats), std::to_string(m.chats));
    set(Measure::first_response, seconds(m.average_first_response()),
        duration_cell(m.average_first_response(), m.first_responses));
    set(Measure::response, seconds(m.average_response()),
        duration_cell(m.average_response(), m.responses));
    set(Measure::resolution, seconds(m.average_resolution()),
        duration_cell(m.average_resolution(), m.resolutions));
    set(Measure::wait, seconds(m.average_wait()), duration_cell(m.average_wait(), m.waits));
    set(Measure::abandonment, m.abandonment_rate() * 100.0,
        m.chats == 0 ? "—" : fixed(m.abandonment_rate() * 100.0, "%.1f%%"));
    set(Measure::messages_per_chat, m.messages_per_chat(),
        m.chats == 0 ? "—" : fixed(m.messages_per_chat(), "%.1f"));
    set(Measure::csat, m.average_csat(),
        m.csat_count == 0
            ? "—"
            : fixed(m.average_csat(), "%.2f") + " (" + std::to_string(m.csat_count) + ")");
    return row;
}

std::string group_label(const core::State& state, core::GroupBy by, const std::string& group) {
    if (by == core::GroupBy::agent) {
        return group.empty() ? "Never assigned" : std::string(agent_name(state, group));
    }
    return group;
}

// The sums behind the report's averages (each an average times its count: exact to the
// millisecond the server rounded to).
core::Metrics metrics_of(const protocol::rest::AnalyticsFigures& figures) {
    core::Metrics m;
    m.chats = figures.chats;
    m.closed = figures.closed;
    m.abandoned = figures.abandoned;
    m.messages = figures.messages;
    m.first_response_total =
        figures.first_response_ms * static_cast<core::Duration>(figures.first_responses);
    m.first_responses = figures.first_responses;
    m.response_total = figures.response_ms * static_cast<core::Duration>(figures.responses);
    m.responses = figures.responses;
    m.resolution_total = figures.resolution_ms * static_cast<core::Duration>(figures.resolutions);
    m.resolutions = figures.resolutions;
    m.wait_total = figures.wait_ms * static_cast<core::Duration>(figures.waits);
    m.waits = figures.waits;
    m.csat_total = static_cast<std::uint64_t>(
        std::llround(figures.csat * static_cast<double>(figures.csat_count)));
    m.csat_count = figures.csat_count;
    return m;
}

std::string report_path(const AnalyticsQuery& query, core::Timestamp from, core::Timestamp to) {
    return "/api/analytics?by=" + std::string(core::to_string(query.by)) +
           "&from=" + std::to_string(from) + "&to=" + std::to_string(to);
}

}  // namespace

const char* measure_name(Measure measure) {
    switch (measure) {
    case Measure::chats:
        return "Chats";
    case Measure::first_response:
        return "First response";
    case Measure::response:
        return "Average response";
    case Measure::resolution:
        return "Resolution time";
    case Measure::wait:
        return "Wait time";
    case Measure::abandonment:
        return "Abandoned";
    case Measure::messages_per_chat:
        return "Messages per chat";
    case Measure::csat:
        return "CSAT";
    }
    return "";
}

const char* measure_unit(Measure measure) {
    switch (measure) {
    case Measure::first_response:
    case Measure::response:
    case Measure::resolution:
    case Measure::wait:
        return "s";
    case Measure::abandonment:
        return "%";
    case Measure::chats:
    case Measure::messages_per_chat:
    case Measure::csat:
        break;
    }
    return "";
}

const char* range_name(AnalyticsRange range) {
    switch (range) {
    case AnalyticsRange::today:
        return "Today";
    case AnalyticsRange::last_7_days:
        return "Last 7 days";
    case AnalyticsRange::last_30_days:
        return "Last 30 days";
    case AnalyticsRange::last_90_days:
        return "Last 90 days";
    }
    return "";
}

std::pair<core::Timestamp, core::Timestamp> range_bounds(AnalyticsRange range,
                                                         core::Timestamp now) {
    const core::Timestamp end = now - now % core::kDay + core::kDay;
    core::Duration days = 1;
    switch (range) {
    case AnalyticsRange::today:
        break;
    case AnalyticsRange::last_7_days:
        days = 7;
        break;
    case AnalyticsRange::last_30_days:
        days = 30;
        break;
    case AnalyticsRange::last_90_days:
        days = 90;
        break;
    }
    return {end - days * core::kDay, end};
}

const AnalyticsView& AnalyticsCache::view(const core::State& state, std::uint64_t version,
                                          const ApiCalls* api, const AnalyticsQuery& query,
                                          const std::string& asked, core::Timestamp now) {
    if (const ApiResult* answer = api ? api->answer_since(kAnalyticsCall, generation_) : nullptr) {
        if (const auto report = body_of<protocol::rest::AnalyticsReport>(answer)) {
            rows_.clear();
            for (const auto& figures : report->rows) {
                rows_.push_back({figures.group, metrics_of(figures)});
            }
            answered_ = asked;
            answered_version_ = version;
            answered_at_ = now;
            problem_.clear();
        } else {
            problem_ = answer_problem(*answer, "The figures");
        }
    }
    view_ = AnalyticsView{};
    view_.query = query;
    std::tie(view_.from, view_.to) = range_bounds(query.range, now);
    view_.path = report_path(query, view_.from, view_.to);
    view_.csv_path = view_.path + "&format=csv";
    const bool current = answered_ == view_.path;
    const ApiResult* result = api ? api->result(kAnalyticsCall) : nullptr;
    const bool waiting = result && result->pending;
    view_.loading = !current && (waiting || problem_.empty());
    view_.refresh =
        current && !waiting && answered_version_ != version && now - answered_at_ >= kRereadAfter;
    view_.problem = problem_;
    if (current) {
        for (const core::AnalyticsRow& row : rows_) {
            view_.rows.push_back(table_row(group_label(state, query.by, row.group), row.metrics));
        }
        view_.total = table_row("All", core::total_of(rows_));
    }
    return view_;
}

}  // namespace parley::console
