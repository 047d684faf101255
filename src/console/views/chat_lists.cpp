#include "console/views/chat_lists.h"

#include "console/chat_key.h"
#include "console/format.h"
#include "console/theme.h"
#include "console/views/widgets.h"

#include <imgui.h>

#include <string>

namespace parley::console {

namespace {

// The preview is one line: the first line of the text, cut to what fits.
void draw_preview(std::string_view preview) {
    const std::string_view first_line = preview.substr(0, preview.find('\n'));
    const float room = ImGui::GetContentRegionAvail().x;
    const ImFont* font = ImGui::GetFont();
    const char* begin = first_line.data();
    const char* end = begin + first_line.size();
    const char* cut = font->CalcWordWrapPositionA(1.0f, begin, end, room);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kMuted);
    ImGui::TextUnformatted(begin, cut == begin ? end : cut);
    ImGui::PopStyleColor();
}

void draw_badge(int unread) {
    if (unread <= 0) {
        return;
    }
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kAccent);
    ImGui::Text("(%d new)", unread);
    ImGui::PopStyleColor();
}

// What every row shows; the whole row is a selectable that opens the chat.
void draw_row_summary(const ChatRow& row, const std::string& key, UiState& ui, FrameOutput& out) {
    const bool selected = ui.selected && *ui.selected == row.id;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    ImGui::TextUnformatted(row.customer.c_str());
    draw_badge(row.unread);
    if (row.waiting > 0) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text,
                              row.waiting > 60'000 ? theme::kPending : theme::kMuted);
        ImGui::Text("waiting %s", format_duration(row.waiting).c_str());
        ImGui::PopStyleColor();
    }
    ImGui::TextDisabled("%.*s · %.*s%s", static_cast<int>(row.channel.size()), row.channel.data(),
                        static_cast<int>(row.queue.size()), row.queue.data(),
                        row.customer_typing ? " · typing…" : "");
    if (!row.transferred_by.empty()) {
        ImGui::Text("From %.*s", static_cast<int>(row.transferred_by.size()),
                    row.transferred_by.data());
        if (!row.side_note.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, theme::kNoteText);
            ImGui::TextWrapped("Note: %.*s", static_cast<int>(row.side_note.size()),
                               row.side_note.data());
            ImGui::PopStyleColor();
        }
    }
    draw_preview(row.preview);
    ImGui::EndGroup();
    const ImVec2 end = ImGui::GetItemRectMax();
    ImGui::SetCursorScreenPos(start);
    if (ImGui::Selectable("##open", selected, ImGuiSelectableFlags_AllowItemOverlap,
                          ImVec2(0, end.y - start.y))) {
        ui.open_chat(row.id);
    }
    out.publish("open/" + key, "Open " + row.customer);
}

// Accept or accept the transfer; reject the offer or decline the transfer.
void draw_row_actions(const ChatRow& row, const std::string& key, UiState& ui, FrameOutput& out) {
    if (row.offer_left) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::kPending);
        ImGui::Text("Offered to you: %s left", format_duration(*row.offer_left).c_str());
        ImGui::PopStyleColor();
    }
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
}

void draw_rows(const std::vector<ChatRow>& rows, bool held, const char* empty, UiState& ui,
               FrameOutput& out) {
    if (rows.empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled("%s", empty);
    }
    for (const ChatRow& row : rows) {
        const std::string key = chat_key(row.id);
        ImGui::PushID(key.c_str());
        draw_row_summary(row, key, ui, out);
        if (!held) {
            draw_row_actions(row, key, ui, out);
        }
        ImGui::Separator();
        ImGui::PopID();
    }
}

int unread_total(const std::vector<ChatRow>& rows) {
    int total = 0;
    for (const ChatRow& row : rows) {
        total += row.unread;
    }
    return total;
}

bool list_tab(const char* name, std::size_t count, int unread, ListTab tab, UiState& ui,
              FrameOutput& out) {
    const std::string label = std::string(name) + " (" + std::to_string(count) + ")" +
                              (unread > 0 ? " •" : "") + "###" + name;
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
    if (list_tab("Queue", model.queue.size(), unread_total(model.queue), ListTab::queue, ui, out)) {
        if (action_button("Accept next", model.accept_next, "accept_next", out)) {
            out.send(core::AcceptNextChat{}, "Accept the next chat");
        }
        ImGui::Separator();
        ImGui::BeginChild("queue-rows");
        draw_rows(model.queue, false, "No chat is waiting in your queues.", ui, out);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    if (list_tab("Transferred", model.transferred.size(), unread_total(model.transferred),
                 ListTab::transferred, ui, out)) {
        ImGui::BeginChild("transferred-rows");
        draw_rows(model.transferred, false, "Nobody is transferring a chat to you.", ui, out);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    if (list_tab("My chats", model.mine.size(), unread_total(model.mine), ListTab::mine, ui, out)) {
        ImGui::BeginChild("my-rows");
        draw_rows(model.mine, true, "You hold no chats. Accept one from the Queue.", ui, out);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace parley::console
