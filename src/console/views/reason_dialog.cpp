#include "console/views/reason_dialog.h"

#include "console/labels.h"
#include "console/views/dialog_frame.h"
#include "console/views/widgets.h"
#include "core/names.h"

#include <imgui.h>

namespace parley::console {

namespace {

struct ReasonDialog {
    Dialog dialog;
    const char* title;
    const char* prompt;
    const char* confirm;
};

constexpr ReasonDialog kDialogs[] = {
    {Dialog::reject_offer, "Reject the offered chat", "Why can't you take it?", "Reject"},
    {Dialog::decline_transfer, "Decline the transfer", "Why can't you take it?", "Decline"},
    {Dialog::cancel, "Cancel the chat", "Reason, told to nobody but staff", "Cancel chat"},
    {Dialog::abandon, "Customer left", "Notes", "Close as abandoned"},
    {Dialog::request_supervisor, "Request a supervisor", "What do you need help with?", "Request"},
    {Dialog::create_ticket, "Create a ticket", "Summary", "Create ticket"},
    {Dialog::force_close, "Force-close the chat", "Notes for the record (staff only)",
     "Force close"},
};

}  // namespace

void draw_reason_dialog(const ConsoleViewModel& model, UiState& ui, FrameOutput& out) {
    const ReasonDialog* shown = nullptr;
    for (const ReasonDialog& dialog : kDialogs) {
        if (dialog.dialog == ui.dialog.open) {
            shown = &dialog;
        }
    }
    if (shown == nullptr || !begin_dialog(shown->title, ui)) {
        return;
    }
    if (shown->dialog == Dialog::create_ticket) {
        for (const auto kind : {core::TicketKind::support_case, core::TicketKind::incident,
                                core::TicketKind::service_request}) {
            if (ImGui::RadioButton(label_of(kind), ui.dialog.ticket_kind == kind)) {
                ui.dialog.ticket_kind = kind;
            }
            ImGui::SameLine();
        }
        ImGui::NewLine();
    }
    ImGui::TextUnformatted(shown->prompt);
    if (ImGui::IsWindowAppearing()) {
        ImGui::SetKeyboardFocusHere();
    }
    input_multiline("##reason", ui.dialog.text, ImVec2(-1, ImGui::GetTextLineHeight() * 4.0f));
    out.publish("dialog.text", shown->prompt);
    dialog_buttons(shown->confirm, model, ui, out);
    end_dialog();
}

}  // namespace parley::console
