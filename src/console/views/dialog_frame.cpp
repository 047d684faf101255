#include "console/views/dialog_frame.h"

#include "console/dialog_command.h"
#include "console/views/widgets.h"

#include <imgui.h>

namespace parley::console {

bool begin_dialog(const char* title, UiState& ui) {
    if (!ImGui::IsPopupOpen(title)) {
        ImGui::OpenPopup(title);
    }
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30.0f, 0), ImGuiCond_Appearing);
    bool open = true;
    if (!ImGui::BeginPopupModal(title, &open, ImGuiWindowFlags_NoSavedSettings)) {
        ui.dialog = DialogState{};
        return false;
    }
    if (!open || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        ui.dialog = DialogState{};
        ImGui::CloseCurrentPopup();
    }
    return true;
}

bool begin_chat_dialog(Dialog which, const char* title, const ConsoleViewModel& model,
                       UiState& ui) {
    if (ui.dialog.open != which) {
        return false;
    }
    if (!model.chat || model.chat->id != ui.dialog.chat) {
        ui.dialog = DialogState{};
        return false;
    }
    return begin_dialog(title, ui);
}

void dialog_buttons(const char* confirm, const ConsoleViewModel& model, UiState& ui,
                    FrameOutput& out) {
    ImGui::Spacing();
    if (action_button(confirm, model.dialog, "dialog.confirm", out)) {
        if (auto command = dialog_command(ui.dialog)) {
            out.send(std::move(*command), dialog_purpose(ui.dialog.open));
        }
        ui.dialog = DialogState{};
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (published_button("Cancel", "dialog.cancel", out)) {
        ui.dialog = DialogState{};
        ImGui::CloseCurrentPopup();
    }
}

void end_dialog() {
    ImGui::EndPopup();
}

}  // namespace parley::console
