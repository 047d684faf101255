#include "console/views/connection_view.h"

#include "console/theme.h"

#include <imgui.h>

#include <algorithm>

namespace parley::console {

void draw_connection_view(const ConsoleViewModel& model) {
    const ConnectionView& connection = model.connection;
    const ImVec2 area = ImGui::GetContentRegionAvail();
    const float card_width = std::min(area.x, ImGui::GetFontSize() * 34.0f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (area.x - card_width) * 0.5f);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + area.y * 0.2f);
    // Four lines at most: server, status, and a detail that may wrap once.
    const float card_height =
        ImGui::GetTextLineHeightWithSpacing() * 5.0f + ImGui::GetStyle().WindowPadding.y * 2.0f;
    ImGui::BeginChild("connection", ImVec2(card_width, card_height), true);

    ImGui::TextUnformatted("Server");
    ImGui::SameLine(ImGui::GetFontSize() * 9.0f);
    ImGui::TextUnformatted(connection.server.c_str());

    ImGui::TextUnformatted("Status");
    ImGui::SameLine(ImGui::GetFontSize() * 9.0f);
    ImGui::TextUnformatted(connection_label(connection.status));

    switch (connection.status) {
    case ConnectionStatus::stopped:
    case ConnectionStatus::needs_sign_in:
    case ConnectionStatus::connecting:
    case ConnectionStatus::handshaking:
        ImGui::TextDisabled("Attempt %d", connection.attempts);
        break;
    case ConnectionStatus::connected:
        ImGui::TextUnformatted("Server version");
        ImGui::SameLine(ImGui::GetFontSize() * 9.0f);
        ImGui::Text("%s (protocol %d)", connection.server_version.c_str(),
                    connection.protocol_version);
        break;
    case ConnectionStatus::waiting_to_retry:
        ImGui::PushStyleColor(ImGuiCol_Text, theme::kBad);
        ImGui::TextWrapped("%s", connection.problem.c_str());
        ImGui::PopStyleColor();
        ImGui::Text("Trying again in %.0f s.", connection.retry_in_seconds + 0.5);
        break;
    case ConnectionStatus::refused:
        ImGui::PushStyleColor(ImGuiCol_Text, theme::kBad);
        ImGui::TextWrapped("%s", connection.problem.c_str());
        ImGui::PopStyleColor();
        break;
    }
    ImGui::EndChild();
}

}  // namespace parley::console
