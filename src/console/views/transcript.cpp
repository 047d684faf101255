#include "console/views/transcript.h"

#include "console/format.h"
#include "console/labels.h"
#include "console/theme.h"
#include "console/views/widgets.h"
#include "core/names.h"

#include <imgui.h>

#include <string>

namespace parley::console {

namespace {

void add_row(TranscriptLayout& layout, std::size_t line, std::size_t begin, std::size_t end,
             TranscriptRow::Kind kind) {
    layout.rows.push_back({static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(begin),
                           static_cast<std::uint32_t>(end), kind});
}

void lay_out_line(const TranscriptLine& line, std::size_t index, float width,
                  TranscriptLayout& layout) {
    add_row(layout, index, 0, 0, TranscriptRow::Kind::header);
    const char* text = line.text.data();
    const char* end = text + line.text.size();
    const char* at = text;
    while (at < end) {
        const char* line_end = at;
        while (line_end < end && *line_end != '\n') {
            ++line_end;
        }
        // An empty paragraph still takes a row, as the customer typed it.
        if (line_end == at) {
            add_row(layout, index, static_cast<std::size_t>(at - text),
                    static_cast<std::size_t>(at - text), TranscriptRow::Kind::text);
        }
        while (at < line_end) {
            const char* cut = wrap_point(at, line_end, width);
            if (cut == at) {
                ++cut;  // a word wider than the column: break it
            }
            add_row(layout, index, static_cast<std::size_t>(at - text),
                    static_cast<std::size_t>(cut - text), TranscriptRow::Kind::text);
            at = cut;
            while (at < line_end && *at == ' ') {
                ++at;
            }
        }
        at = line_end < end ? line_end + 1 : end;
    }
    if (line.attachments != nullptr) {
        for (std::size_t i = 0; i < line.attachments->size(); ++i) {
            add_row(layout, index, i, i, TranscriptRow::Kind::attachment);
        }
    }
    add_row(layout, index, 0, 0, TranscriptRow::Kind::gap);
}

void draw_header(const TranscriptLine& line) {
    ImGui::PushStyleColor(ImGuiCol_Text, line_colour(line.kind));
    if (line.kind == LineKind::note) {
        ImGui::Text("Internal note · %.*s", static_cast<int>(line.author.size()),
                    line.author.data());
    } else {
        ImGui::TextUnformatted(line.author.data(), line.author.data() + line.author.size());
    }
    ImGui::PopStyleColor();
    ImGui::SameLine();
    const std::string when = format_clock(line.at);
    if (line.state) {
        ImGui::TextDisabled("%s · %s", when.c_str(), label_of(*line.state));
    } else {
        ImGui::TextDisabled("%s", when.c_str());
    }
}

constexpr const char* kLineMenu = "line menu";

// A right click anywhere on a line's rows opens its menu.
void offer_line_menu(const TranscriptRow& row, const ImVec2& at, UiState& ui) {
    const ImVec2 end(at.x + ImGui::GetContentRegionAvail().x,
                     at.y + ImGui::GetTextLineHeightWithSpacing());
    if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(at, end) &&
        ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
        ui.line_menu = row.line;
        ImGui::OpenPopup(kLineMenu);
    }
}

void draw_line_menu(const ChatView& chat, UiState& ui, FrameOutput& out) {
    if (!ImGui::BeginPopup(kLineMenu)) {
        return;
    }
    if (ui.line_menu && *ui.line_menu < chat.transcript.size()) {
        if (ImGui::MenuItem("Copy text")) {
            // The shell's clipboard: navigator.clipboard in the browser, GLFW's on the desktop.
            ImGui::SetClipboardText(std::string(chat.transcript[*ui.line_menu].text).c_str());
        }
        out.publish("transcript.copy", "Copy text");
    }
    ImGui::EndPopup();
}

void draw_row(const ChatView& chat, const TranscriptRow& row, UiState& ui, FrameOutput& out) {
    const TranscriptLine& line = chat.transcript[row.line];
    offer_line_menu(row, ImGui::GetCursorScreenPos(), ui);
    if (line.kind == LineKind::note && row.kind != TranscriptRow::Kind::gap) {
        // Notes sit on their own band so nobody mistakes one for a message to the customer.
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(
            ImVec2(at.x - 6.0f, at.y),
            ImVec2(at.x + ImGui::GetContentRegionAvail().x,
                   at.y + ImGui::GetTextLineHeightWithSpacing()),
            ImGui::GetColorU32(theme::kNoteBackground));
    }
    switch (row.kind) {
    case TranscriptRow::Kind::header:
        draw_header(line);
        // Published with the line's text, so tests and assistive tools find a line by what it
        // says (its menu opens on any of its rows).
        out.publish("transcript.line/" + std::to_string(row.line), std::string(line.text));
        break;
    case TranscriptRow::Kind::text: {
        const bool quiet = line.kind == LineKind::system;
        if (quiet) {
            ImGui::PushStyleColor(ImGuiCol_Text, theme::kMuted);
        } else if (line.kind == LineKind::note) {
            ImGui::PushStyleColor(ImGuiCol_Text, theme::kNoteText);
        }
        ImGui::TextUnformatted(line.text.data() + row.begin, line.text.data() + row.end);
        if (quiet || line.kind == LineKind::note) {
            ImGui::PopStyleColor();
        }
        break;
    }
    case TranscriptRow::Kind::attachment: {
        const core::Attachment& file = (*line.attachments)[row.begin];
        const std::string label = "Download " + file.name + " (" + file.content_type + ", " +
                                  format_size(file.size_bytes) + ")##" + std::to_string(row.line) +
                                  "/" + std::to_string(row.begin);
        ImGui::PushStyleColor(ImGuiCol_Text, theme::kAccent);
        if (ImGui::Selectable(label.c_str())) {
            out.downloads.push_back(file.ref);
        }
        ImGui::PopStyleColor();
        out.publish("attachment/" + file.name, file.name);
        break;
    }
    case TranscriptRow::Kind::gap:
        ImGui::Dummy(ImVec2(1.0f, ImGui::GetTextLineHeight()));
        break;
    }
}

}  // namespace

void lay_out_transcript(const ChatView& chat, float width, TranscriptLayout& layout) {
    const bool reusable = layout.chat && *layout.chat == chat.id && layout.width == width &&
                          layout.lines <= chat.transcript.size();
    if (!reusable) {
        layout = TranscriptLayout{};
        layout.chat = chat.id;
        layout.width = width;
    }
    for (std::size_t i = layout.lines; i < chat.transcript.size(); ++i) {
        lay_out_line(chat.transcript[i], i, width, layout);
    }
    layout.lines = chat.transcript.size();
}

void draw_transcript(const ChatView& chat, UiState& ui, FrameOutput& out) {
    ImGui::BeginChild("transcript", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 5.2f), true);
    const float width = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
    const std::size_t rows_before = ui.layout.rows.size();
    const bool at_bottom = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1.0f;
    lay_out_transcript(chat, width, ui.layout);

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(ui.layout.rows.size()), ImGui::GetTextLineHeightWithSpacing());
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            draw_row(chat, ui.layout.rows[static_cast<std::size_t>(i)], ui, out);
        }
    }
    clipper.End();
    draw_line_menu(chat, ui, out);
    if (chat.customer_typing) {
        ImGui::TextDisabled("%s is typing…", chat.customer.c_str());
    }
    if (ui.scroll_to_end || (at_bottom && ui.layout.rows.size() != rows_before)) {
        ImGui::SetScrollHereY(1.0f);
        ui.scroll_to_end = false;
    }
    ImGui::EndChild();

    // What is on screen has been seen: clear the unread badge and tell the customer's side.
    ui.seen_messages[chat.id] = chat.message_count;
    if (chat.last_customer_message) {
        core::MessageId& sent = ui.read_sent[chat.id];
        if (sent != *chat.last_customer_message) {
            sent = *chat.last_customer_message;
            out.send(core::MarkRead{chat.id, sent}, {});
        }
    }
}

}  // namespace parley::console
