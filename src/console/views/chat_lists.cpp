#include "console/views/chat_lists.h"

#include "console/chat_key.h"
#include "console/format.h"
#include "console/theme.h"
#include "console/views/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace parley::console {

namespace {

// Every row is three lines high, so ImGuiListClipper can skip what is off screen.
constexpr float kRowLines = 3.0f;

float row_height() {
    return ImGui::GetTextLineHeightWithSpacing() * kRowLines + ImGui::GetStyle().ItemSpacing.y;
}

// One line of text cut to the room left on it.
void one_line(std::string_view text, const ImVec4& colour) {
    const std::string_view first_line = text.substr(0, text.find('\n'));
    const char* begin = first_line.data();
    const char* end = begin + first_line.size();
    const char* cut = wrap_point(begin, end, ImGui::GetContentRegionAvail().x);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(begin, cut == begin ? end : cut);
    ImGui::PopStyleColor();
}

std::string where_from(const ChatRow& row) {
    return std::string(row.channel) + " · " + std::string(row.queue) + " · ";
}

void draw_first_line(const ChatRow& row) {
    ImGui::TextUnformatted(row.customer.c_str());
    if (row.unread > 0) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, theme::kAccent);
        ImGui::Text("(%d new)", row.unread);
        ImGui::PopStyleColor();
    }
    if (row.customer_typing) {
        ImGui::SameLine();
        ImGui::TextDisabled("typing…");
    }
    if (row.waiting > 0) {
        const std::string waiting = format_duration(row.waiting);
        ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(waiting.c_str()).x);
        ImGui::PushStyleColor(ImGuiCol_Text,
                              row.waiting > core::kMinute ? theme::kPending : theme::kMuted);
        ImGui::TextUnformatted(waiting.c_str());
        ImGui::PopStyleColor();
    }
}

// Accept or accept the transfer; reject the offer or decline the transfer.
void draw_row_actions(const ChatRow& row, const std::string& key, UiState& ui, FrameOutput& out) {
    const bool transfer = !row.transferred_by.empty();
    if (action_button(transfer ? "Accept transfer" : "Accept", row.take, "accept/" + key, out)) {
        out.send(transfer ? core::Command{core::AcceptTransfer{row.id}}
                          : core::Command{core::AcceptChat{row.id}},
                 "Accept " + row.customer);
        ui.open_chat(row.id);
    }
    if (row.refuse) {
        ImGui::SameLine();
        if (action_button(transfer ? "Decline" : "Reject", *row.refuse, "refuse/" + key, out)) {
            ui.dialog = DialogState{};
            ui.dialog.open = transfer ? Dialog::decline_transfer : Dialog::reject_offer;
            ui.dialog.chat = row.id;
        }
    }
    if (row.offer_left) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::PushStyleColor(ImGuiCol_Text, theme::kPending);
        ImGui::Text("offered to you, %s left", format_duration(*row.offer_left).c_str());
        ImGui::PopStyleColor();
    }
}

// A row: the whole of it opens the chat; a waiting chat's buttons sit on its last line.
void draw_row(const ChatRow& row, bool held, UiState& ui, FrameOutput& out) {
    const std::string key = chat_key(row.id);
    ImGui::PushID(key.c_str());
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const ImVec2 top = ImGui::GetCursorPos();
    const bool selected = ui.selected && *ui.selected == row.id;
    if (ImGui::Selectable("##open", selected, ImGuiSelectableFlags_AllowItemOverlap,
                          ImVec2(0, line * (held ? kRowLines : kRowLines - 1.0f) - 4.0f))) {
        ui.open_chat(row.id);
    }
    out.publish("open/" + key, "Open " + row.customer);
    ImGui::SetCursorPos(top);
    draw_first_line(row);
    if (!row.transferred_by.empty()) {
        one_line("From " + std::string(row.transferred_by) +
                     (row.side_note.empty() ? std::string() : ": " + std::string(row.side_note)),
                 theme::kNoteText);
        if (!row.side_note.empty() && ImGui::IsItemHovered()) {
            ImGui::SetTooltip("%.*s", static_cast<int>(row.side_note.size()), row.side_note.data());
        }
    } else {
        one_line(where_from(row) + std::string(row.preview), theme::kMuted);
    }
    if (!held) {
        draw_row_actions(row, key, ui, out);
    }
    ImGui::PopID();
}

void draw_rows(const ChatList& list, ListTab tab, bool held, const char* empty, UiState& ui,
               FrameOutput& out) {
    ListWindow& window = ui.list_windows[static_cast<std::size_t>(tab)];
    if (list.total() == 0) {
        ImGui::Spacing();
        ImGui::TextDisabled("%s", empty);
        window = ListWindow{};
        return;
    }
    const float height = row_height();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(list.total()), height);
    std::size_t shown_first = list.total();
    std::size_t shown_end = 0;
    while (clipper.Step()) {
        const auto start = static_cast<std::size_t>(clipper.DisplayStart);
        const auto end = static_cast<std::size_t>(clipper.DisplayEnd);
        shown_first = std::min(shown_first, start);
        shown_end = std::max(shown_end, end);
        for (std::size_t i = start; i < end; ++i) {
            const float top = ImGui::GetCursorPosY();
            // Rows for what scrolled into view arrive with the next frame's view model.
            if (i >= list.first && i - list.first < list.rows.size()) {
                draw_row(list.rows[i - list.first], held, ui, out);
            }
            ImGui::SetCursorPosY(top);
            ImGui::Dummy(ImVec2(1.0f, height - ImGui::GetStyle().ItemSpacing.y - 1.0f));
            ImGui::Separator();
        }
    }
    clipper.End();
    // A few rows either side, so a little scrolling never shows empty rows.
    constexpr std::size_t kMargin = 4;
    window.first = shown_first > kMargin ? shown_first - kMargin : 0;
    window.count = shown_end - window.first + kMargin;
}

bool list_tab(const char* name, std::size_t count, ListTab tab, UiState& ui, FrameOutput& out) {
    const std::string label = std::string(name) + " (" + std::to_string(count) + ")###" + name;
    const bool open = ImGui::BeginTabItem(label.c_str());
    out.publish(std::string("tab.") + name, name);
    if (open) {
        ui.tab = tab;
    }
    return open;
}

}  // namespace

void draw_chat_lists(const ConsoleViewModel& model, UiState& ui, FrameOutput& out) {
    if (!ImGui::BeginTabBar("lists")) {
        return;
    }
    if (list_tab("Queue", model.queue.total(), ListTab::queue, ui, out)) {
        if (action_button("Accept next", model.accept_next, "accept_next", out)) {
            out.send(core::AcceptNextChat{}, "Accept the next chat");
        }
        ImGui::Separator();
        ImGui::BeginChild("queue-rows");
        draw_rows(model.queue, ListTab::queue, false, "No chat is waiting in your queues.", ui,
                  out);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    if (list_tab("Transferred", model.transferred.total(), ListTab::transferred, ui, out)) {
        ImGui::BeginChild("transferred-rows");
        draw_rows(model.transferred, ListTab::transferred, false,
                  "Nobody is transferring a chat to you.", ui, out);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    if (list_tab("My chats", model.mine.total(), ListTab::mine, ui, out)) {
        ImGui::BeginChild("my-rows");
        draw_rows(model.mine, ListTab::mine, true, "You hold no chats. Accept one from the Queue.",
                  ui, out);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace parley::console
