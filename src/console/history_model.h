// The History workspace's view model: a chat's audit trail as the server answered it
// (GET /api/chats/{chat}/history, decoded with the protocol's codec) in rows of time, who and
// what, and the chat as it was after the selected event, replayed by the core
// (core::ChatReplay) on the replica's organisation. Without a chosen chat: the server's chats
// matching the customer search (GET /api/chats, archived ones included), newest first. No ImGui.
#pragma once

#include "console/api_calls.h"
#include "console/replica.h"
#include "console/ui_state.h"
#include "console/view_model.h"
#include "core/replay.h"
#include "protocol/history_codec.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::console {

// The purpose the History workspace's call and answer travel under (ApiCalls).
inline constexpr std::string_view kHistoryCall = "history";

// Where a chat's history is read (GET).
std::string history_path(const core::ChatId& chat);

// The picker's matches travel under this purpose, from this path (GET).
inline constexpr std::string_view kHistoryPicksCall = "history.picks";
std::string history_picks_path(const std::string& search);

struct HistoryRow {
    std::uint64_t seq = 0;
    std::string time;
    std::string who;
    std::string what;
};

// The chat as it was after the selected event. Empty text: nothing of the kind then.
struct ReplayedChatView {
    std::size_t after = 0;
    std::string status;
    std::string queue;
    std::string assignee;
    std::string offer;
    std::string pending_transfer;
    std::string participants;
    std::string resolution;
    std::optional<TicketView> ticket;
    std::string csat;
    std::string tags;
    std::vector<TranscriptLine> transcript;
};

struct HistoryPick {
    core::ChatId id;
    std::string customer;
    std::string status;
    core::Timestamp created_at = 0;
};

struct HistoryView {
    // The chat whose history is shown; none while the supervisor picks one.
    std::optional<core::ChatId> chat;
    std::string customer;
    // The answer is on its way (rows, if any, are the previous answer's).
    bool loading = false;
    // Why the history cannot be shown, or replayed past some event: a sentence.
    std::string problem;
    const std::vector<HistoryRow>* rows = nullptr;
    std::size_t selected = 0;
    std::optional<ReplayedChatView> replayed;
    // The picker's matches for the search as typed, and whether more match than are listed.
    std::string picks_path;
    std::vector<HistoryPick> picks;
    bool more_picks = false;

    std::size_t event_count() const { return rows ? rows->size() : 0; }
};

// What the builder keeps between frames: the decoded answer and its rows (until the next
// answer), the replay of the selected event (until the selection or the answer changes), the
// picker's matches (until the replica or the search changes).
struct HistoryCache {
    std::optional<std::uint64_t> generation;
    std::optional<protocol::ChatHistory> history;
    std::string answer_problem;
    std::vector<HistoryRow> rows;

    std::optional<std::size_t> replayed_at;
    core::ReplayedChat replayed;
    // Events the replay got through: fewer than asked when one is at fault.
    std::size_t replayed_steps = 0;
    std::vector<std::string> activity_texts;
    std::string replay_problem;

    std::uint64_t picks_generation = 0;
    std::vector<HistoryPick> picks;
    bool more_picks = false;

    // This frame's view, which ConsoleViewModel::history points at.
    HistoryView view;
};

// Builds the frame's view into `cache.view` and returns it.
const HistoryView& build_history_view(const Replica& replica, const ApiCalls* api,
                                      const UiState& ui, HistoryCache& cache);

}  // namespace parley::console
