#include "console/views/console_view.h"

#include "console/theme.h"
#include "console/views/admin_view.h"
#include "console/views/all_chats_view.h"
#include "console/views/analytics_view.h"
#include "console/views/chat_lists.h"
#include "console/views/chat_panel.h"
#include "console/views/close_dialog.h"
#include "console/views/connection_view.h"
#include "console/views/conversation.h"
#include "console/views/email_dialog.h"
#include "console/views/floor_view.h"
#include "console/views/help_overlay.h"
#include "console/views/history_view.h"
#include "console/views/link_ticket_dialog.h"
#include "console/views/reason_dialog.h"
#include "console/views/reassign_dialog.h"
#include "console/views/resources_panel.h"
#include "console/views/sign_in_view.h"
#include "console/views/top_bar.h"
#include "console/views/transfer_dialog.h"
#include "console/views/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace parley::console {

namespace {

void draw_brand(const ConsoleViewModel& model) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kAccent);
    ImGui::TextUnformatted("Parley");
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextDisabled("agent console %s", model.console_version.c_str());
}

void draw_refusal(const ConsoleViewModel& model, FrameOutput& out) {
    if (!model.refusal) {
        return;
    }
    const std::string text = model.refusal->what + ": " + model.refusal->message;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.35f, 0.12f, 0.12f, 1.0f));
    ImGui::BeginChild("refusal", ImVec2(0, ImGui::GetFrameHeightWithSpacing() + 8.0f), false);
    ImGui::SetCursorPos(ImVec2(8.0f, 4.0f));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text.c_str());
    out.publish("refusal", text, false, model.refusal->message);
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::GetFontSize() * 5.0f);
    if (published_button("Dismiss", "refusal.dismiss", out)) {
        out.dismiss_refusal = true;
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void draw_desk(const ConsoleViewModel& model, UiState& ui, FrameOutput& out) {
    draw_top_bar(model, ui, out);
    ImGui::Separator();
    draw_refusal(model, out);
    switch (ui.workspace) {
    case Workspace::desk:
        break;
    case Workspace::all_chats:
        draw_all_chats(model, ui, out);
        draw_help_overlay(ui, out);
        return;
    case Workspace::history:
        draw_history_view(model, ui, out);
        draw_help_overlay(ui, out);
        return;
    case Workspace::floor:
        draw_floor_view(model, ui, out);
        draw_help_overlay(ui, out);
        return;
    case Workspace::analytics:
        draw_analytics_view(model, ui, out);
        draw_help_overlay(ui, out);
        return;
    case Workspace::admin:
        draw_admin(model, ui, out);
        draw_help_overlay(ui, out);
        return;
    }

    request_resources(model, ui, out);
    const float width = ImGui::GetContentRegionAvail().x;
    const float left = std::clamp(width * 0.28f, 260.0f, 440.0f);
    const float right = std::clamp(width * 0.23f, 220.0f, 380.0f);
    ImGui::BeginChild("lists", ImVec2(left, 0), true);
    draw_chat_lists(model, ui, out);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("conversation",
                      ImVec2(width - left - right - ImGui::GetStyle().ItemSpacing.x * 2, 0), true);
    draw_outage_banner(model, out);
    draw_conversation(model, ui, out);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("chat-panel", ImVec2(0, 0), true);
    draw_side_column(model, ui, out);
    ImGui::EndChild();

    draw_transfer_dialog(model, ui, out);
    draw_close_dialog(model, ui, out);
    draw_email_dialog(model, ui, out);
    draw_reason_dialog(model, ui, out);
    draw_reassign_dialog(model, ui, out);
    draw_link_ticket_dialog(model, ui, out);
    draw_help_overlay(ui, out);
}

}  // namespace

void draw_console(const ConsoleViewModel& model, UiState& ui, FrameOutput& out) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("Parley", nullptr, kFlags);
    switch (model.screen) {
    case Screen::sign_in:
        draw_brand(model);
        ImGui::Separator();
        draw_sign_in_view(model, ui, out);
        break;
    case Screen::connecting:
    case Screen::problem:
        draw_brand(model);
        ImGui::Separator();
        draw_connection_view(model);
        break;
    case Screen::desk:
        draw_desk(model, ui, out);
        break;
    }
    ImGui::End();
}

}  // namespace parley::console
