// Analytics rows summed from day_figures and chat_rows.
#include "server/readmodel/analytics_figures.h"

#include <map>
#include <string>

#include "core/calendar.h"
#include "server/readmodel/read_model_tables.h"

namespace parley::server::readmodel {
namespace {

using sqlite::Connection;
using sqlite::Query;

// The group a row of figures belongs to, as core::analytics names it.
std::string group_of(const core::State& directory, core::GroupBy by, const Query& row) {
    switch (by) {
    case core::GroupBy::queue: {
        const core::Queue* queue = directory.find_queue(static_cast<core::QueueId>(row.uint_at(1)));
        return queue ? queue->config.name : std::string();
    }
    case core::GroupBy::agent:
        return row.text_at(2);
    case core::GroupBy::channel:
        return row.text_at(3);
    case core::GroupBy::day:
        return row.text_at(0);
    }
    return {};
}

void add_rows(Query& rows, const core::State& directory, core::GroupBy by,
              std::map<std::string, core::Metrics>& groups) {
    while (rows.next_row()) {
        core::Metrics figures;
        int column = 4;
        core::each_figure(
            [&](std::string_view, auto& value) {
                value =
                    static_cast<std::remove_reference_t<decltype(value)>>(rows.int_at(column++));
            },
            figures);
        groups[group_of(directory, by, rows)] += figures;
    }
}

// Chats created in [from, to), each with its own figures: all of them, or (`open_only`) those
// not closed yet, whose figures are not in day_figures.
void add_chats(Connection& db, const core::State& directory, core::GroupBy by, core::Timestamp from,
               core::Timestamp to, bool open_only, std::map<std::string, core::Metrics>& groups) {
    if (from >= to) {
        return;
    }
    Query rows(db, "SELECT day, queue, coalesce(last_assignee, ''), channel, " +
                       column_list(figure_names(), "{}") +
                       " FROM chat_rows WHERE created_at >= ?1 AND created_at < ?2" +
                       (open_only ? " AND closed_at IS NULL" : ""));
    rows.bind_int(1, from).bind_int(2, to);
    add_rows(rows, directory, by, groups);
}

}  // namespace

std::vector<core::AnalyticsRow> analytics(Connection& db, const core::State& directory,
                                          core::GroupBy by, core::Timestamp from,
                                          core::Timestamp to) {
    std::map<std::string, core::Metrics> groups;
    const core::Timestamp first_day = (from + kDayMillis - 1) / kDayMillis * kDayMillis;
    const core::Timestamp end_day = to / kDayMillis * kDayMillis;
    if (first_day < end_day) {
        Query days(db, "SELECT day, queue, agent, channel, " + column_list(figure_names(), "{}") +
                           " FROM day_figures WHERE day >= ?1 AND day < ?2");
        days.bind_text(1, core::day_of(first_day)).bind_text(2, core::day_of(end_day));
        add_rows(days, directory, by, groups);
        add_chats(db, directory, by, first_day, end_day, true, groups);
        add_chats(db, directory, by, from, first_day, false, groups);
        add_chats(db, directory, by, end_day, to, false, groups);
    } else {
        add_chats(db, directory, by, from, to, false, groups);
    }
    std::vector<core::AnalyticsRow> rows;
    rows.reserve(groups.size());
    for (auto& [group, metrics] : groups) {
        rows.push_back({group, metrics});
    }
    return rows;
}

}  // namespace parley::server::readmodel
