#include "console/views/help_overlay.h"

#include "console/views/widgets.h"

#include <imgui.h>

namespace parley::console {

namespace {

// ASCII code of '/', which is GLFW's key code for it (see conversation.cpp on digits).
constexpr int kSlashKey = '/';

struct Shortcut {
    const char* keys;
    const char* does;
};

constexpr Shortcut kShortcuts[] = {
    {"Enter", "Send the message (or add the note)"},
    {"Shift+Enter", "New line in the message"},
    {"/", "Canned responses, filtered as you type"},
    {"Tab", "Take the first canned response"},
    {"Ctrl+C, Ctrl+V", "Copy and paste in the message"},
    {"Right click on a line", "Copy the line's text"},
    {"Alt+1 … Alt+9", "Switch to the first … ninth open chat"},
    {"Esc", "Close a dialog"},
    {"Ctrl+/", "This list"},
};

}  // namespace

void draw_help_overlay(UiState& ui, FrameOutput& out) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl && ImGui::IsKeyPressed(kSlashKey, false)) {
        ui.help_open = !ui.help_open;
    }
    if (!ui.help_open) {
        return;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::Begin("Keyboard shortcuts", &ui.help_open,
                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoCollapse);
    if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_RowBg)) {
        for (const Shortcut& shortcut : kShortcuts) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(shortcut.keys);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(shortcut.does);
        }
        ImGui::EndTable();
    }
    if (published_button("Close", "help.close", out)) {
        ui.help_open = false;
    }
    ImGui::End();
}

}  // namespace parley::console
