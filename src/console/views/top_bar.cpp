#include "console/views/top_bar.h"

#include "console/theme.h"

#include <imgui.h>

namespace parley::console {

void draw_top_bar(const ConsoleViewModel& model) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kAccent);
    ImGui::TextUnformatted("Parley");
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextDisabled("agent console %s", model.console_version.c_str());

    const char* label = connection_label(model.connection.status);
    const float width = ImGui::CalcTextSize(label).x + ImGui::GetFrameHeight();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - width);
    const bool good = model.connection.status == ConnectionStatus::connected;
    const bool bad = model.connection.status == ConnectionStatus::refused ||
                     model.connection.status == ConnectionStatus::waiting_to_retry;
    const ImVec4 colour = good ? theme::kGood : (bad ? theme::kBad : theme::kPending);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float radius = ImGui::GetTextLineHeight() * 0.3f;
    ImGui::GetWindowDrawList()->AddCircleFilled(
        ImVec2(at.x + radius, at.y + ImGui::GetTextLineHeight() * 0.5f), radius,
        ImGui::GetColorU32(colour));
    ImGui::Dummy(ImVec2(radius * 2.5f, ImGui::GetTextLineHeight()));
    ImGui::SameLine();
    ImGui::TextUnformatted(label);
}

}  // namespace parley::console
