#include "console/views/conversation.h"

#include "console/archived_chat.h"
#include "console/chat_key.h"
#include "console/theme.h"
#include "console/views/composer.h"
#include "console/views/transcript.h"
#include "console/views/widgets.h"

#include <imgui.h>

#include <optional>
#include <string>

namespace parley::console {

namespace {

// GLFW, which both shells use, numbers the digit keys by their ASCII codes, and ImGui 1.86
// indexes KeysDown by the backend's key codes.
constexpr int kDigitOne = '1';

void switch_with_alt_digits(const ConsoleViewModel& model, UiState& ui) {
    if (!ImGui::GetIO().KeyAlt) {
        return;
    }
    for (std::size_t i = 0; i < model.tabs.size() && i < 9; ++i) {
        if (ImGui::IsKeyPressed(kDigitOne + static_cast<int>(i), false)) {
            ui.selected = model.tabs[i].id;
            ui.select_tab = true;
            ui.focus_composer = true;
        }
    }
}

void draw_tabs(const ConsoleViewModel& model, UiState& ui, FrameOutput& out) {
    if (!ImGui::BeginTabBar("open-chats", ImGuiTabBarFlags_AutoSelectNewTabs |
                                              ImGuiTabBarFlags_FittingPolicyScroll)) {
        return;
    }
    std::optional<core::ChatId> closed;
    std::optional<core::ChatId> shown;
    for (std::size_t i = 0; i < model.tabs.size(); ++i) {
        const OpenTab& tab = model.tabs[i];
        const std::string key = chat_key(tab.id);
        std::string label = tab.label;
        if (i < 9) {
            label += "  Alt+" + std::to_string(i + 1);
        }
        if (tab.unread > 0) {
            label += "  (" + std::to_string(tab.unread) + ")";
        }
        label += "###" + key;
        bool open = true;
        const bool wanted = ui.select_tab && ui.selected == tab.id;
        if (ImGui::BeginTabItem(label.c_str(), &open, wanted ? ImGuiTabItemFlags_SetSelected : 0)) {
            shown = tab.id;
            ImGui::EndTabItem();
        }
        out.publish("chat_tab/" + key, tab.label);
        if (!open) {
            closed = tab.id;
        }
    }
    ImGui::EndTabBar();
    // The tab bar follows a selection made elsewhere for one frame, then leads again.
    if (ui.select_tab) {
        ui.select_tab = false;
    } else if (shown && ui.selected != shown) {
        ui.selected = shown;
        ui.scroll_to_end = true;
    }
    if (closed) {
        ui.close_chat(*closed);
    }
}

}  // namespace

void draw_conversation(const ConsoleViewModel& model, UiState& ui, FrameOutput& out) {
    switch_with_alt_digits(model, ui);
    draw_tabs(model, ui, out);
    if (!model.chat && model.chat_from_archive && ui.selected) {
        if (ui.archived_asked != ui.selected) {
            out.call(kArchivedChatCall, "GET", archived_chat_path(*ui.selected));
            ui.archived_asked = ui.selected;
        }
        ImGui::Spacing();
        if (model.archived_chat_problem.empty()) {
            ImGui::TextDisabled("Reading the chat from the archive…");
        } else {
            coloured_wrapped(theme::kBad, model.archived_chat_problem.c_str());
            out.publish("chat.problem", model.archived_chat_problem);
        }
        return;
    }
    if (!model.chat) {
        ImGui::Spacing();
        ImGui::TextDisabled("Open a chat from the lists on the left.");
        return;
    }
    draw_transcript(*model.chat, ui, out);
    draw_composer(model, *model.chat, ui, out);
}

}  // namespace parley::console
