// The automation snapshot's parts for the workspaces beside the Desk (Floor, Analytics,
// History) and for the Desk's Resources panel: the figures and rows a test checks, not every
// column the views draw. Depends on the core's types only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/analytics.h"
#include "core/ids.h"
#include "core/model.h"

namespace parley::protocol::automation {

// [SECTION] Floor

struct AgentLoad {
    std::string agent;
    int load = 0;
};

struct QueueFigures {
    std::string name;
    std::uint64_t waiting = 0;
    std::uint64_t offered = 0;
    std::uint64_t active = 0;
    core::Duration longest_wait = 0;
    std::vector<AgentLoad> online;
    std::uint64_t started_today = 0;
    std::uint64_t abandoned_today = 0;
};

struct AgentFigures {
    core::AgentId id;
    core::Presence presence = core::Presence::offline;
    int load = 0;
    int capacity = 0;
};

struct FloorAlert {
    std::string chat;
    std::string text;
};

struct FloorSummary {
    std::vector<QueueFigures> queues;
    std::vector<AgentFigures> agents;
    std::vector<FloorAlert> alerts;
};

// [SECTION] Analytics

struct AnalyticsLine {
    std::string group;
    std::uint64_t chats = 0;
    std::uint64_t abandoned = 0;
    std::uint64_t messages = 0;
    // Every measure as the table shows it, in the console's measure order.
    std::vector<std::string> cells;
};

struct AnalyticsSummary {
    core::GroupBy by = core::GroupBy::queue;
    core::Timestamp from = 0;
    core::Timestamp to = 0;
    std::vector<AnalyticsLine> rows;
    // Where the same figures download as CSV.
    std::string csv;
};

// [SECTION] History

struct HistoryLine {
    std::uint64_t seq = 0;
    std::string who;
    std::string what;
};

// The chat as it was after the selected event; `lines` counts its transcript.
struct ReplayedChat {
    std::size_t after = 0;
    std::string status;
    std::string queue;
    std::string assignee;
    std::size_t lines = 0;
};

// `selected` travels with `replayed`: both are there once an event is replayed.
struct HistorySummary {
    // Empty while the supervisor picks a chat.
    std::string chat;
    std::string customer;
    bool loading = false;
    std::string problem;
    std::size_t events = 0;
    std::vector<HistoryLine> rows;
    // Chats matching the picker's search.
    std::size_t picks = 0;
    std::optional<std::size_t> selected;
    std::optional<ReplayedChat> replayed;
};

// [SECTION] Resources

struct OutageLine {
    std::uint64_t id = 0;
    std::string service;
    std::string title;
    bool current = false;
};

struct ArticleLine {
    std::uint64_t id = 0;
    std::string title;
    std::string link;
};

struct ArticlePreview {
    std::uint64_t id = 0;
    std::string title;
    std::string body;
};

// `draft` is the open chat's composer text, so a test sees what an Insert produced.
struct ResourcesSummary {
    std::vector<OutageLine> outages;
    std::vector<ArticleLine> suggestions;
    bool suggestions_loading = false;
    std::string searched;
    std::vector<ArticleLine> results;
    std::string problem;
    std::optional<ArticlePreview> preview;
    std::string draft;
};

}  // namespace parley::protocol::automation
