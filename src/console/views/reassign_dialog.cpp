#include "console/views/reassign_dialog.h"

#include "console/views/dialog_frame.h"
#include "core/names.h"

#include <imgui.h>

#include <string>

namespace parley::console {

void draw_reassign_dialog(const ConsoleViewModel& model, UiState& ui, FrameOutput& out) {
    if (!begin_chat_dialog(Dialog::reassign, "Reassign the chat", model, ui)) {
        return;
    }
    const ChatView& chat = *model.chat;
    ImGui::Text("Give the chat with %s to", chat.customer.c_str());
    ImGui::BeginChild(
        "reassign-agents",
        ImVec2(ImGui::GetFontSize() * 26.0f, ImGui::GetTextLineHeightWithSpacing() * 8.0f), true);
    for (const ReassignCandidate& candidate : chat.reassign_candidates) {
        const CandidateAgent& agent = candidate.agent;
        const std::string label = std::string(agent.name) + "  ·  " +
                                  std::string(core::to_string(agent.presence)) + "  ·  " +
                                  std::to_string(agent.load) + " / " +
                                  std::to_string(agent.capacity) + " chats";
        ImGui::BeginDisabled(!candidate.verdict.allowed);
        if (ImGui::Selectable(label.c_str(), ui.dialog.agent == agent.id)) {
            ui.dialog.agent = agent.id;
        }
        ImGui::EndDisabled();
        if (!candidate.verdict.allowed &&
            ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
            ImGui::SetTooltip("%s", candidate.verdict.reason.c_str());
        }
        out.publish("reassign.agent/" + agent.id, std::string(agent.name),
                    candidate.verdict.allowed, candidate.verdict.reason);
    }
    ImGui::EndChild();
    dialog_buttons("Reassign", model, ui, out);
    end_dialog();
}

}  // namespace parley::console
