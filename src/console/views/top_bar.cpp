#include "console/views/top_bar.h"

#include "console/theme.h"
#include "console/views/widgets.h"
#include "core/names.h"

#include <imgui.h>

#include <array>
#include <string>

namespace parley::console {

namespace {

ImVec4 presence_colour(core::Presence presence) {
    switch (presence) {
    case core::Presence::online:
        return theme::kGood;
    case core::Presence::away:
        return theme::kPending;
    case core::Presence::offline:
        break;
    }
    return theme::kMuted;
}

const char* presence_label(core::Presence presence) {
    switch (presence) {
    case core::Presence::online:
        return "Online";
    case core::Presence::away:
        return "Away";
    case core::Presence::offline:
        break;
    }
    return "Offline";
}

void draw_presence(const TopBarView& top, FrameOutput& out) {
    status_dot(presence_colour(top.presence));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.5f);
    if (ImGui::BeginCombo("##presence", presence_label(top.presence))) {
        for (const auto presence :
             {core::Presence::online, core::Presence::away, core::Presence::offline}) {
            if (ImGui::Selectable(presence_label(presence), presence == top.presence) &&
                presence != top.presence) {
                out.send(core::SetPresence{top.agent_id, presence},
                         std::string("Set presence to ") + presence_label(presence));
            }
            out.publish(std::string("presence.") + std::string(core::to_string(presence)),
                        presence_label(presence));
        }
        ImGui::EndCombo();
    }
    out.publish("presence", presence_label(top.presence));
}

void draw_connection(const TopBarView& top) {
    const bool good = top.connection == ConnectionStatus::connected;
    std::string label = connection_label(top.connection);
    if (good && top.delayed) {
        label = "Delayed: " + std::to_string(top.pending) + " waiting for the server";
    }
    const ImVec4 colour = good && !top.delayed ? theme::kGood
                          : good               ? theme::kPending
                                               : theme::kBad;
    status_dot(colour);
    ImGui::TextUnformatted(label.c_str());
}

}  // namespace

void draw_top_bar(const ConsoleViewModel& model, UiState& ui, FrameOutput& out) {
    const TopBarView& top = model.top;
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kAccent);
    ImGui::TextUnformatted("Parley");
    ImGui::PopStyleColor();
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    ImGui::TextUnformatted(top.agent_name.c_str());
    ImGui::SameLine();
    draw_presence(top, out);
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("Load %d / %d chats", top.load, top.capacity);
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    draw_connection(top);

    const char* view_switch = ui.all_chats_open ? "Back to my desk" : "All chats";
    const ImGuiStyle& style = ImGui::GetStyle();
    const float buttons = ImGui::CalcTextSize(view_switch).x + ImGui::CalcTextSize("Shortcuts").x +
                          ImGui::CalcTextSize("Sign out").x + style.FramePadding.x * 6 +
                          style.ItemSpacing.x * 2;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - buttons);
    if (published_button(view_switch, "all_chats", out)) {
        ui.all_chats_open = !ui.all_chats_open;
    }
    ImGui::SameLine();
    if (published_button("Shortcuts", "help", out)) {
        ui.help_open = true;
    }
    ImGui::SameLine();
    if (published_button("Sign out", "sign_out", out)) {
        out.sign_out = true;
    }
}

}  // namespace parley::console
