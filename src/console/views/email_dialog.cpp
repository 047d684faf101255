#include "console/views/email_dialog.h"

#include "console/views/dialog_frame.h"
#include "console/views/widgets.h"

#include <imgui.h>

namespace parley::console {

void draw_email_dialog(const ConsoleViewModel& model, UiState& ui, FrameOutput& out) {
    if (!begin_chat_dialog(Dialog::email_customer, "Email the customer", model, ui)) {
        return;
    }
    ImGui::TextDisabled("To");
    ImGui::SameLine();
    ImGui::Text("%s <%s>", model.chat->customer.c_str(), model.chat->customer_email.c_str());
    ImGui::TextUnformatted("Subject");
    if (ImGui::IsWindowAppearing()) {
        ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(-1);
    input_text("##subject", ui.dialog.subject);
    out.publish("email.subject", "Subject");
    ImGui::TextUnformatted("Message");
    input_multiline("##body", ui.dialog.text, ImVec2(-1, ImGui::GetTextLineHeight() * 8.0f));
    out.publish("dialog.text", "Message");
    ImGui::TextDisabled("The email is recorded in the chat's history.");
    dialog_buttons("Send email", model, ui, out);
    end_dialog();
}

}  // namespace parley::console
