// [SECTION] Asking for the history
// [SECTION] Picking a chat
// [SECTION] The events
// [SECTION] The chat as it was
#include "console/views/history_view.h"

#include "console/chat_key.h"
#include "console/format.h"
#include "console/history_model.h"
#include "console/theme.h"
#include "console/views/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace parley::console {

namespace {

// [SECTION] Asking for the history

void ask_for(const core::ChatId& chat, UiState& ui, FrameOutput& out) {
    out.call(std::string(kHistoryCall), "GET", history_path(chat));
    ui.history.fetched = chat;
}

// A newly chosen chat is fetched once, with its latest event selected.
void ask_when_chosen(UiState& ui, FrameOutput& out) {
    if (ui.history_chat && ui.history.fetched != ui.history_chat) {
        ui.history.selected.reset();
        ask_for(*ui.history_chat, ui, out);
    }
}

// [SECTION] Picking a chat

void draw_picker(const HistoryView& history, UiState& ui, FrameOutput& out) {
    if (ui.history.picks_asked != history.picks_path) {
        out.call(std::string(kHistoryPicksCall), "GET", history.picks_path);
        ui.history.picks_asked = history.picks_path;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kAccent);
    ImGui::TextUnformatted("Event history");
    ImGui::PopStyleColor();
    ImGui::TextDisabled(
        "Choose a chat to audit: every event, who caused it and when, and the "
        "chat as it stood after any of them.");
    ImGui::Spacing();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18.0f);
    input_text("##history-search", ui.history.search);
    out.publish("history.search", "Search customer");
    if (ui.history.search.empty()) {
        ImGui::SameLine(ImGui::GetStyle().ItemSpacing.x + ImGui::GetStyle().FramePadding.x * 2);
        ImGui::TextDisabled("Search customer");
    }
    ImGui::SameLine(ImGui::GetFontSize() * 19.0f);
    if (history.more_picks) {
        ImGui::TextDisabled("The newest %zu chats: type to narrow", history.picks.size());
    } else {
        ImGui::TextDisabled("%zu chats", history.picks.size());
    }
    if (!history.problem.empty()) {
        coloured_wrapped(theme::kBad, history.problem.c_str());
    }
    constexpr ImGuiTableFlags kFlags =
        ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV;
    if (!ImGui::BeginTable("history-picks", 3, kFlags)) {
        return;
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Customer", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Started (UTC)", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableHeadersRow();
    for (const HistoryPick& pick : history.picks) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const std::string key = chat_key(pick.id);
        const std::string label = pick.customer + "##" + key;
        if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) {
            ui.history_chat = pick.id;
        }
        out.publish("history.pick/" + key, pick.customer);
        ImGui::TableNextColumn();
        plain_text(pick.status);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_date_time(pick.created_at).c_str());
    }
    ImGui::EndTable();
}

// [SECTION] The events

void draw_header(const HistoryView& history, UiState& ui, FrameOutput& out) {
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kAccent);
    ImGui::TextUnformatted("Event history");
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kCustomer);
    ImGui::TextUnformatted(history.customer.c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextDisabled("%s · %zu events", chat_key(*history.chat).c_str(), history.event_count());
    const float buttons = ImGui::GetFontSize() * 12.5f;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x - buttons));
    if (published_button("Refresh", "history.refresh", out)) {
        ask_for(*history.chat, ui, out);
    }
    ImGui::SameLine();
    if (published_button("Another chat…", "history.choose", out)) {
        ui.history_chat.reset();
        ui.history.fetched.reset();
        ui.history.picks_asked.clear();
    }
    if (history.loading) {
        ImGui::TextDisabled("Reading the history from the server…");
    } else if (!history.problem.empty()) {
        coloured_wrapped(history.rows ? theme::kPending : theme::kBad, history.problem.c_str());
    }
}

// Up and Down move the selection while the list has the keyboard.
void follow_keys(const HistoryView& history, UiState& ui) {
    if (!ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows) || history.event_count() == 0) {
        return;
    }
    std::size_t selected = history.selected;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)) && selected > 0) {
        --selected;
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)) &&
        selected + 1 < history.event_count()) {
        ++selected;
    }
    if (selected != history.selected) {
        ui.history.selected = selected;
    }
}

void draw_events(const HistoryView& history, UiState& ui, FrameOutput& out) {
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                       ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("history-events", 4, kFlags)) {
        return;
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 2.2f);
    ImGui::TableSetupColumn("Time (UTC)", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 9.5f);
    ImGui::TableSetupColumn("Who", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 7.5f);
    ImGui::TableSetupColumn("What", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    const std::vector<HistoryRow>& rows = *history.rows;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto index = static_cast<std::size_t>(i);
            const HistoryRow& row = rows[index];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string label = std::to_string(index + 1) + "##event";
            if (ImGui::Selectable(label.c_str(), index == history.selected,
                                  ImGuiSelectableFlags_SpanAllColumns)) {
                ui.history.selected = index;
            }
            out.publish("history.event/" + std::to_string(index), row.what);
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", row.time.c_str());
            ImGui::TableNextColumn();
            plain_text(row.who);
            ImGui::TableNextColumn();
            plain_text(row.what);
            if (ImGui::IsItemHovered() &&
                ImGui::CalcTextSize(row.what.c_str()).x > ImGui::GetContentRegionAvail().x) {
                ImGui::SetTooltip("%s", row.what.c_str());
            }
        }
    }
    follow_keys(history, ui);
    ImGui::EndTable();
}

// [SECTION] The chat as it was

void field(const char* name, std::string_view value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", name);
    ImGui::TableNextColumn();
    if (value.empty()) {
        ImGui::TextDisabled("—");
    } else {
        ImGui::TextWrapped("%.*s", static_cast<int>(value.size()), value.data());
    }
}

ImVec4 status_colour(std::string_view status) {
    if (status == "active") {
        return theme::kGood;
    }
    if (status == "closed" || status == "archived") {
        return theme::kMuted;
    }
    return theme::kPending;
}

void draw_fields(const ReplayedChatView& chat) {
    if (!ImGui::BeginTable("history-fields", 2, ImGuiTableFlags_SizingStretchProp)) {
        return;
    }
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 7.0f);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("Status");
    ImGui::TableNextColumn();
    status_dot(status_colour(chat.status));
    plain_text(chat.status);
    field("Queue", chat.queue);
    field("Agent", chat.assignee);
    field("Offered to", chat.offer);
    field("Transfer", chat.pending_transfer);
    field("Supervisors", chat.participants);
    field("Resolution", chat.resolution);
    field("Ticket", chat.ticket
                        ? std::string(chat.ticket->kind) + ", " + std::string(chat.ticket->status) +
                              ", " + std::string(chat.ticket->priority) + ": " +
                              std::string(chat.ticket->summary)
                        : std::string());
    field("Rating", chat.csat);
    field("Tags", chat.tags);
    ImGui::EndTable();
}

void draw_transcript_so_far(const ReplayedChatView& chat) {
    ImGui::TextDisabled("Transcript so far");
    ImGui::BeginChild("history-transcript", ImVec2(0, 0), true);
    if (chat.transcript.empty()) {
        ImGui::TextDisabled("Nothing was written yet.");
    }
    for (const TranscriptLine& line : chat.transcript) {
        ImGui::PushStyleColor(ImGuiCol_Text, line_colour(line.kind));
        if (line.kind == LineKind::note) {
            ImGui::Text("Internal note · %.*s", static_cast<int>(line.author.size()),
                        line.author.data());
        } else {
            plain_text(line.author);
        }
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::TextDisabled("%s", format_clock(line.at).c_str());
        const ImVec4 colour = line.kind == LineKind::note ? theme::kNoteText
                              : line.kind == LineKind::system
                                  ? theme::kMuted
                                  : ImGui::GetStyleColorVec4(ImGuiCol_Text);
        coloured_wrapped(colour, std::string(line.text).c_str());
        ImGui::Spacing();
    }
    ImGui::EndChild();
}

void draw_replayed(const HistoryView& history) {
    if (!history.replayed) {
        ImGui::TextDisabled("Select an event to see the chat as it was after it.");
        return;
    }
    const ReplayedChatView& chat = *history.replayed;
    ImGui::TextUnformatted("As it was after event");
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kAccent);
    ImGui::Text("%zu of %zu", chat.after, history.event_count());
    ImGui::PopStyleColor();
    if (history.selected < history.event_count()) {
        ImGui::TextDisabled("%s", (*history.rows)[history.selected].time.c_str());
    }
    ImGui::Separator();
    draw_fields(chat);
    ImGui::Spacing();
    draw_transcript_so_far(chat);
}

}  // namespace

void draw_history_view(const ConsoleViewModel& model, UiState& ui, FrameOutput& out) {
    ask_when_chosen(ui, out);
    if (!model.history) {
        return;
    }
    const HistoryView& history = *model.history;
    if (!history.chat) {
        draw_picker(history, ui, out);
        return;
    }
    draw_header(history, ui, out);
    if (!history.rows) {
        return;
    }
    const float width = ImGui::GetContentRegionAvail().x;
    const float right = std::clamp(width * 0.38f, 300.0f, 560.0f);
    ImGui::BeginChild("history-list", ImVec2(width - right - ImGui::GetStyle().ItemSpacing.x, 0),
                      true);
    draw_events(history, ui, out);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("history-replayed", ImVec2(0, 0), true);
    draw_replayed(history);
    ImGui::EndChild();
}

}  // namespace parley::console
