#include "console/views/close_dialog.h"

#include "console/views/dialog_frame.h"
#include "console/views/widgets.h"

#include <imgui.h>

#include <string>

namespace parley::console {

namespace {

// Suggestions only: the category is free text, as the seeds' resolution codes differ.
constexpr const char* kCategories[] = {"Question answered", "Problem solved", "Billing",
                                       "Technical issue",   "Feedback",       "Other"};

}  // namespace

void draw_close_dialog(const ConsoleViewModel& model, UiState& ui, FrameOutput& out) {
    if (!begin_chat_dialog(Dialog::close, "Close the chat", model, ui)) {
        return;
    }
    ImGui::Text("Close the chat with %s", model.chat->customer.c_str());
    ImGui::TextUnformatted("Resolution");
    for (const char* category : kCategories) {
        if (ImGui::RadioButton(category, ui.dialog.category == category)) {
            ui.dialog.category = category;
        }
        out.publish(std::string("close.category/") + category, category);
    }
    ImGui::SetNextItemWidth(-1);
    input_text("##category", ui.dialog.category);
    ImGui::TextUnformatted("Notes");
    input_multiline("##notes", ui.dialog.text, ImVec2(-1, ImGui::GetTextLineHeight() * 3.0f));
    out.publish("dialog.text", "Notes");
    if (model.chat->ticket) {
        ImGui::Checkbox("Resolve the linked ticket", &ui.dialog.resolve_ticket);
        out.publish("close.resolve_ticket", "Resolve the linked ticket");
    }
    dialog_buttons("Close chat", model, ui, out);
    end_dialog();
}

}  // namespace parley::console
