// Builds the frame's view model from the session, the connection and the widget state. Every
// "may I?" comes from the core (queries.h, decide's evaluate); this file only arranges
// answers and formats names, times and previews. No ImGui.
#pragma once

#include "console/archived_chat.h"
#include "console/connection.h"
#include "console/history_model.h"
#include "console/session.h"
#include "console/ui_state.h"
#include "console/view_model.h"

#include <optional>

namespace parley::console {

// The agent's lists by id, kept until the replica changes (building them sorts every queue).
struct ListIds {
    std::optional<std::uint64_t> version;
    std::vector<core::ChatId> queue;
    std::vector<core::ChatId> transferred;
    std::vector<core::ChatId> mine;
    // Counts the changes of each list's content (a message or a typing flag changes the
    // replica but not the lists).
    std::uint64_t queue_generation = 0;
    std::uint64_t transferred_generation = 0;
    std::uint64_t mine_generation = 0;
};

// The selected chat's hand-over sentences (core::Activity), which the transcript's lines view,
// kept until the replica or the selection changes.
struct ActivityTexts {
    std::optional<std::uint64_t> version;
    core::ChatId chat;
    std::vector<std::string> texts;
};

// What the builder keeps between frames; the console owns it.
struct ViewModelCaches {
    ListIds lists;
    ActivityTexts activity;
    AllChats all_chats;
    ArchivedChat archived;
    FloorCache floor;
    AnalyticsCache analytics;
    HistoryCache history;
};

ConsoleViewModel build_view_model(const Session& session, const ConnectionView& connection,
                                  const UiState& ui, core::Timestamp now, double seconds,
                                  ViewModelCaches& caches);

// Customer messages in `chat` after the first `seen` messages.
int unread_count(const core::Chat& chat, std::size_t seen);

}  // namespace parley::console
