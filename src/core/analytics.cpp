// Analytics over the chats of a State. Standard library only.
#include "core/analytics.h"

#include <map>

#include "core/calendar.h"
#include "core/names.h"

namespace parley::core {
namespace {

Duration average(Duration total, std::uint64_t count) {
    return count == 0 ? 0 : total / static_cast<Duration>(count);
}

double ratio(std::uint64_t part, std::uint64_t whole) {
    return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

bool abandoned_by_customer(const Chat& chat) {
    if (!chat.resolution)
        return false;
    const auto outcome = chat.resolution->outcome;
    return outcome == ResolutionOutcome::abandoned ||
           (outcome == ResolutionOutcome::cancelled_by_customer && !chat.accepted_at);
}

Metrics chat_metrics(const Chat& chat) {
    Metrics m;
    m.chats = 1;
    if (chat.closed_at) {
        m.closed += 1;
        m.resolution_total += *chat.closed_at - chat.created_at;
        m.resolutions += 1;
    }
    if (abandoned_by_customer(chat)) {
        m.abandoned += 1;
    }
    if (chat.first_response_at) {
        m.first_response_total += *chat.first_response_at - chat.created_at;
        m.first_responses += 1;
    }
    if (chat.accepted_at) {
        m.wait_total += *chat.accepted_at - chat.created_at;
        m.waits += 1;
    }
    bool waiting_for_answer = false;
    Timestamp asked_at = 0;
    for (const Message& message : chat.messages) {
        if (message.author.kind == AuthorKind::customer) {
            m.messages += 1;
            if (!waiting_for_answer)
                asked_at = message.at;
            waiting_for_answer = true;
        } else if (message.author.kind == AuthorKind::agent) {
            m.messages += 1;
            if (waiting_for_answer) {
                m.response_total += message.at - asked_at;
                m.responses += 1;
                waiting_for_answer = false;
            }
        }
    }
    if (chat.csat) {
        m.csat_total += static_cast<std::uint64_t>(chat.csat->score);
        m.csat_count += 1;
    }
    return m;
}

namespace {

std::string group_of(const State& state, const Chat& chat, GroupBy by) {
    switch (by) {
    case GroupBy::queue: {
        const Queue* queue = state.find_queue(chat.queue);
        return queue ? queue->config.name : std::string();
    }
    case GroupBy::agent:
        return chat.last_assignee.value_or(std::string());
    case GroupBy::channel:
        return std::string(to_string(chat.channel));
    case GroupBy::day:
        return day_of(chat.created_at);
    }
    return {};
}

}  // namespace

Duration Metrics::average_first_response() const {
    return average(first_response_total, first_responses);
}
Duration Metrics::average_response() const {
    return average(response_total, responses);
}
Duration Metrics::average_resolution() const {
    return average(resolution_total, resolutions);
}
Duration Metrics::average_wait() const {
    return average(wait_total, waits);
}
double Metrics::abandonment_rate() const {
    return ratio(abandoned, chats);
}
double Metrics::messages_per_chat() const {
    return ratio(messages, chats);
}
double Metrics::average_csat() const {
    return ratio(csat_total, csat_count);
}

std::vector<AnalyticsRow> analytics(const State& state, GroupBy by, Timestamp from, Timestamp to) {
    std::map<std::string, Metrics> groups;
    for (const Chat& chat : state.chats) {
        if (vacated(chat) || chat.created_at < from || chat.created_at >= to)
            continue;
        groups[group_of(state, chat, by)] += chat_metrics(chat);
    }
    std::vector<AnalyticsRow> rows;
    for (auto& [group, metrics] : groups)
        rows.push_back({group, metrics});
    return rows;
}

Metrics& Metrics::operator+=(const Metrics& other) {
    each_figure([](std::string_view, auto& mine, const auto& theirs) { mine += theirs; }, *this,
                other);
    return *this;
}

Metrics total_of(const std::vector<AnalyticsRow>& rows) {
    Metrics total;
    for (const AnalyticsRow& row : rows)
        total += row.metrics;
    return total;
}

}  // namespace parley::core
