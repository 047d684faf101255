#include "console/views/transfer_dialog.h"

#include "console/theme.h"
#include "console/views/dialog_frame.h"
#include "console/views/widgets.h"
#include "core/names.h"

#include <imgui.h>

#include <string>

namespace parley::console {

namespace {

void draw_agents(const ChatView& chat, UiState& ui, FrameOutput& out) {
    if (chat.candidate_agents.empty()) {
        ImGui::TextDisabled("No agent can take this chat now.");
    }
    for (const CandidateAgent& agent : chat.candidate_agents) {
        const std::string label = std::string(agent.name) + "  ·  " +
                                  std::string(core::to_string(agent.presence)) + "  ·  " +
                                  std::to_string(agent.load) + " / " +
                                  std::to_string(agent.capacity) + " chats";
        if (ImGui::Selectable(label.c_str(), ui.dialog.target == TransferTarget::agent &&
                                                 ui.dialog.agent == agent.id)) {
            ui.dialog.target = TransferTarget::agent;
            ui.dialog.agent = agent.id;
        }
        out.publish("transfer.agent/" + agent.id, std::string(agent.name));
    }
}

void draw_queues(const ChatView& chat, UiState& ui, FrameOutput& out) {
    if (chat.candidate_queues.empty()) {
        ImGui::TextDisabled("No other queue takes transfers.");
    }
    for (const CandidateQueue& queue : chat.candidate_queues) {
        const std::string name(queue.name);
        if (ImGui::Selectable(name.c_str(), ui.dialog.target == TransferTarget::queue &&
                                                ui.dialog.queue == queue.id)) {
            ui.dialog.target = TransferTarget::queue;
            ui.dialog.queue = queue.id;
        }
        out.publish("transfer.queue/" + name, name);
    }
}

}  // namespace

void draw_transfer_dialog(const ConsoleViewModel& model, UiState& ui, FrameOutput& out) {
    if (!begin_chat_dialog(Dialog::transfer, "Transfer the chat", model, ui)) {
        return;
    }
    const ChatView& chat = *model.chat;
    ImGui::Text("Transfer %s to", chat.customer.c_str());
    if (ImGui::BeginTabBar("transfer-targets")) {
        const bool agents = ImGui::BeginTabItem("Agents");
        out.publish("transfer.tab.agents", "Agents");
        if (agents) {
            draw_agents(chat, ui, out);
            ImGui::EndTabItem();
        }
        const bool queues = ImGui::BeginTabItem("Queues");
        out.publish("transfer.tab.queues", "Queues");
        if (queues) {
            draw_queues(chat, ui, out);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::Spacing();
    ImGui::TextUnformatted("Side note for whoever takes it");
    input_multiline("##side-note", ui.dialog.text, ImVec2(-1, ImGui::GetTextLineHeight() * 3.0f));
    out.publish("dialog.text", "Side note");
    dialog_buttons("Transfer", model, ui, out);
    end_dialog();
}

}  // namespace parley::console
