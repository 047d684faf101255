#include "console/views/top_bar.h"

#include "console/labels.h"
#include "console/theme.h"
#include "console/views/widgets.h"
#include "core/names.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace parley::console {

namespace {

void draw_presence(const TopBarView& top, FrameOutput& out) {
    status_dot(presence_colour(top.presence));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.5f);
    if (ImGui::BeginCombo("##presence", label_of(top.presence))) {
        for (const auto presence :
             {core::Presence::online, core::Presence::away, core::Presence::offline}) {
            if (ImGui::Selectable(label_of(presence), presence == top.presence) &&
                presence != top.presence) {
                out.send(core::SetPresence{top.agent_id, presence},
                         std::string("Set presence to ") + label_of(presence));
            }
            out.publish(std::string("presence.") + std::string(core::to_string(presence)),
                        label_of(presence));
        }
        ImGui::EndCombo();
    }
    out.publish("presence", label_of(top.presence));
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

struct NavEntry {
    Workspace workspace;
    const char* label;
    // The automation id; All chats keeps the one it had before there were more workspaces.
    const char* id;
};

constexpr NavEntry kNav[] = {{Workspace::desk, "Desk", "nav.desk"},
                             {Workspace::all_chats, "All chats", "all_chats"},
                             {Workspace::floor, "Floor", "nav.floor"},
                             {Workspace::analytics, "Analytics", "nav.analytics"},
                             {Workspace::history, "History", "nav.history"},
                             {Workspace::admin, "Admin", "nav.admin"}};

std::vector<NavEntry> nav_entries(const TopBarView& top) {
    std::vector<NavEntry> entries;
    for (const NavEntry& entry : kNav) {
        if (may_open(entry.workspace, top)) {
            entries.push_back(entry);
        }
    }
    return entries;
}

// One row of buttons joined edge to edge; the current workspace's is filled with the accent.
void draw_nav(const std::vector<NavEntry>& entries, UiState& ui, FrameOutput& out) {
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(2.0f, ImGui::GetStyle().ItemSpacing.y));
    bool first = true;
    for (const NavEntry& entry : entries) {
        if (!first) {
            ImGui::SameLine();
        }
        first = false;
        const bool current = ui.workspace == entry.workspace;
        if (segment_button(entry.label, entry.id, current, out)) {
            // All chats toggles, as it did when it was the only other view.
            ui.workspace = current && entry.workspace == Workspace::all_chats ? Workspace::desk
                                                                              : entry.workspace;
        }
    }
    ImGui::PopStyleVar();
}

}  // namespace

bool may_open(Workspace workspace, const TopBarView& top) {
    switch (workspace) {
    case Workspace::desk:
    case Workspace::all_chats:
        return true;
    case Workspace::floor:
    case Workspace::analytics:
    case Workspace::history:
        return top.supervises;
    case Workspace::admin:
        return top.administers;
    }
    return false;
}

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

    const std::vector<NavEntry> entries = nav_entries(top);
    const ImGuiStyle& style = ImGui::GetStyle();
    float buttons = ImGui::CalcTextSize("Shortcuts").x + ImGui::CalcTextSize("Sign out").x +
                    style.FramePadding.x * 4 + style.ItemSpacing.x * 2 + ImGui::GetFontSize();
    for (const NavEntry& entry : entries) {
        buttons += ImGui::CalcTextSize(entry.label).x + style.FramePadding.x * 2 + 2.0f;
    }
    ImGui::SameLine(
        std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - buttons));
    draw_nav(entries, ui, out);
    ImGui::SameLine(0, ImGui::GetFontSize());
    if (published_button("Shortcuts", "help", out)) {
        ui.help_open = true;
    }
    ImGui::SameLine();
    if (published_button("Sign out", "sign_out", out)) {
        out.sign_out = true;
    }
}

}  // namespace parley::console
