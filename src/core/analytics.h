// Service figures computed from chats: first response, response, resolution and wait times,
// abandonment, messages per chat and CSAT, grouped per queue, agent, channel or day.
// Pure functions over State. Standard library only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/state.h"

namespace parley::core {

enum class GroupBy { queue, agent, channel, day };

// Sums and counts, so groups can be merged; the averages are derived.
struct Metrics {
    std::uint64_t chats = 0;
    std::uint64_t closed = 0;
    // Abandoned by the customer: closed as abandoned, or cancelled before an agent took it.
    std::uint64_t abandoned = 0;
    // Customer and agent messages (system notices excluded).
    std::uint64_t messages = 0;
    Duration first_response_total = 0;
    std::uint64_t first_responses = 0;
    // Each agent reply measured from the oldest customer message it answers.
    Duration response_total = 0;
    std::uint64_t responses = 0;
    // Created to closed.
    Duration resolution_total = 0;
    std::uint64_t resolutions = 0;
    // Created to first accepted.
    Duration wait_total = 0;
    std::uint64_t waits = 0;
    std::uint64_t csat_total = 0;
    std::uint64_t csat_count = 0;

    Duration average_first_response() const;
    Duration average_response() const;
    Duration average_resolution() const;
    Duration average_wait() const;
    double abandonment_rate() const;
    double messages_per_chat() const;
    double average_csat() const;
    Metrics& operator+=(const Metrics& other);
    bool operator==(const Metrics&) const = default;
};

// Every sum and count with its name, in declaration order, the same field of each of
// `metrics` side by side: code that stores, merges or compares figures names each one once.
template <class Visit, class... M>
void each_figure(Visit&& visit, M&... metrics) {
    visit("chats", metrics.chats...);
    visit("closed", metrics.closed...);
    visit("abandoned", metrics.abandoned...);
    visit("messages", metrics.messages...);
    visit("first_response_total", metrics.first_response_total...);
    visit("first_responses", metrics.first_responses...);
    visit("response_total", metrics.response_total...);
    visit("responses", metrics.responses...);
    visit("resolution_total", metrics.resolution_total...);
    visit("resolutions", metrics.resolutions...);
    visit("wait_total", metrics.wait_total...);
    visit("waits", metrics.waits...);
    visit("csat_total", metrics.csat_total...);
    visit("csat_count", metrics.csat_count...);
}

// One chat's part of any group it is in.
Metrics chat_metrics(const Chat& chat);
// Abandoned by the customer (Metrics::abandoned): the floor counts it without the rest.
bool abandoned_by_customer(const Chat& chat);

struct AnalyticsRow {
    // Queue name, agent id ("" for never assigned), channel name, or day as YYYY-MM-DD (UTC).
    std::string group;
    Metrics metrics;
    bool operator==(const AnalyticsRow&) const = default;
};

// Chats created within [from, to), grouped; rows in ascending group order.
std::vector<AnalyticsRow> analytics(const State& state, GroupBy by, Timestamp from, Timestamp to);

// All rows' chats as one group (each chat is in exactly one row).
Metrics total_of(const std::vector<AnalyticsRow>& rows);

}  // namespace parley::core
