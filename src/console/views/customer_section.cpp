#include "console/views/customer_section.h"

#include "console/chat_key.h"
#include "console/theme.h"

#include <imgui.h>

#include <string>

namespace parley::console {

std::string ticket_line(const TicketView& ticket) {
    return "#" + std::to_string(ticket.id) + " " + std::string(ticket.kind) + ", " +
           std::string(ticket.priority) + ": " + std::string(ticket.summary);
}

namespace {

const ImVec4& status_colour(std::string_view status) {
    if (status == "resolved") {
        return theme::kGood;
    }
    if (status == "cancelled") {
        return theme::kBad;
    }
    return theme::kPending;
}

void detail(const char* name, const std::string& value) {
    if (value.empty()) {
        return;
    }
    ImGui::TextDisabled("%s", name);
    ImGui::SameLine(ImGui::GetFontSize() * 7.0f);
    ImGui::TextWrapped("%s", value.c_str());
}

void draw_customer_profile(const ChatView& chat, FrameOutput& out) {
    if (!chat.profile) {
        return;
    }
    const core::CustomerProfile& profile = *chat.profile;
    detail("Phone", profile.phone);
    detail("E-mail", profile.email);
    if (!profile.company.empty() && profile.company != chat.company) {
        detail("Account", profile.company);
    }
    if (profile.assets.empty() || !ImGui::TreeNodeEx("Assets", ImGuiTreeNodeFlags_DefaultOpen,
                                                     "Assets (%zu)", profile.assets.size())) {
        return;
    }
    // Name over type and identifier: the panel is narrow, and identifiers are long.
    const std::string key = chat_key(chat.id);
    for (std::size_t i = 0; i < profile.assets.size(); ++i) {
        const core::Asset& asset = profile.assets[i];
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::TextWrapped("%s", asset.name.c_str());
        out.publish("customer.asset." + std::to_string(i) + "/" + key,
                    asset.name + " · " + asset.type + " · " + asset.identifier);
        ImGui::Indent(ImGui::GetTreeNodeToLabelSpacing());
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s%s%s", asset.type.c_str(),
                           asset.type.empty() || asset.identifier.empty() ? "" : " · ",
                           asset.identifier.c_str());
        ImGui::PopStyleColor();
        ImGui::Unindent(ImGui::GetTreeNodeToLabelSpacing());
    }
    ImGui::TreePop();
}

void draw_customer_tickets(const ChatView& chat, FrameOutput& out) {
    if (chat.customer_tickets.empty() ||
        !ImGui::TreeNodeEx("Tickets", ImGuiTreeNodeFlags_DefaultOpen, "Tickets (%zu)",
                           chat.customer_tickets.size())) {
        return;
    }
    for (const TicketView& ticket : chat.customer_tickets) {
        ImGui::PushStyleColor(ImGuiCol_Text, status_colour(ticket.status));
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::TextUnformatted(ticket.status.data(), ticket.status.data() + ticket.status.size());
        ImGui::PopStyleColor();
        ImGui::SameLine();
        const std::string line = ticket_line(ticket);
        ImGui::TextWrapped("%s", line.c_str());
        out.publish("customer.ticket." + std::to_string(ticket.id),
                    line + " [" + std::string(ticket.status) + "]");
        if (!ticket.reference.empty()) {
            ImGui::Indent();
            ImGui::TextDisabled("Service desk: %.*s", static_cast<int>(ticket.reference.size()),
                                ticket.reference.data());
            ImGui::Unindent();
        }
    }
    ImGui::TreePop();
}

}  // namespace

void draw_customer_information(const ChatView& chat, FrameOutput& out) {
    if ((!chat.profile && chat.customer_tickets.empty()) ||
        !ImGui::CollapsingHeader("Customer information", ImGuiTreeNodeFlags_DefaultOpen)) {
        return;
    }
    draw_customer_profile(chat, out);
    draw_customer_tickets(chat, out);
}

}  // namespace parley::console
