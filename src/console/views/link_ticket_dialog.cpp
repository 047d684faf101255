#include "console/views/link_ticket_dialog.h"

#include "console/views/customer_section.h"
#include "console/views/dialog_frame.h"

#include <imgui.h>

#include <string>

namespace parley::console {

void draw_link_ticket_dialog(const ConsoleViewModel& model, UiState& ui, FrameOutput& out) {
    if (!begin_chat_dialog(Dialog::link_ticket, "Link a ticket", model, ui)) {
        return;
    }
    const ChatView& chat = *model.chat;
    ImGui::Text("Link one of %s's open tickets to this chat", chat.customer.c_str());
    ImGui::BeginChild(
        "link-ticket-list",
        ImVec2(ImGui::GetFontSize() * 28.0f, ImGui::GetTextLineHeightWithSpacing() * 7.0f), true);
    bool any = false;
    for (const TicketView& ticket : chat.customer_tickets) {
        if (!ticket.linkable) {
            continue;
        }
        any = true;
        const std::string line = ticket_line(ticket);
        if (ImGui::Selectable(line.c_str(), ui.dialog.ticket == ticket.id)) {
            ui.dialog.ticket = ticket.id;
        }
        out.publish("link_ticket.ticket/" + std::to_string(ticket.id), line);
    }
    if (!any) {
        ImGui::TextDisabled("The customer has no open ticket you can see.");
    }
    ImGui::EndChild();
    dialog_buttons("Link ticket", model, ui, out);
    end_dialog();
}

}  // namespace parley::console
