#include "console/views/floor_view.h"

#include "console/chat_key.h"
#include "console/format.h"
#include "console/labels.h"
#include "console/theme.h"
#include "console/views/widgets.h"
#include "core/names.h"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace parley::console {

namespace {

constexpr ImGuiTableFlags kTableFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                        ImGuiTableFlags_PadOuterX |
                                        ImGuiTableFlags_SizingStretchProp;

void heading(const char* title) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kAccent);
    ImGui::TextUnformatted(title);
    ImGui::PopStyleColor();
}

// A load bar: filled to load / capacity, red when full, with "name 2 / 3" written over it.
void load_bar(std::string_view name, int load, int capacity, float width) {
    const float fraction =
        capacity <= 0 ? 1.0f
                      : std::min(1.0f, static_cast<float>(load) / static_cast<float>(capacity));
    const ImVec4 colour = load >= capacity ? theme::kBad
                          : load > 0       ? theme::kAccentDim
                                           : theme::kMuted;
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, colour);
    std::string overlay(name);
    overlay +=
        (overlay.empty() ? "" : "  ") + std::to_string(load) + " / " + std::to_string(capacity);
    ImGui::ProgressBar(fraction, ImVec2(width, ImGui::GetTextLineHeight() + 4.0f), overlay.c_str());
    ImGui::PopStyleColor();
}

void draw_alerts(const FloorView& floor, UiState& ui, FrameOutput& out) {
    heading("Alerts");
    if (floor.alerts.empty()) {
        ImGui::TextDisabled(
            "Nothing needs a supervisor now: no requests, no chat past its "
            "queue's target wait.");
        return;
    }
    for (const FloorAlertRow& alert : floor.alerts) {
        ImGui::PushID(chat_key(alert.chat).c_str());
        const bool request = alert.kind == core::AlertKind::supervisor_requested;
        status_dot(request ? theme::kBad : theme::kPending);
        plain_text(alert.text);
        ImGui::SameLine();
        const std::string id =
            std::string(request ? "floor.request/" : "floor.waiting/") + chat_key(alert.chat);
        if (published_button("Open chat", id, out)) {
            ui.open_chat(alert.chat);
            ui.workspace = Workspace::desk;
        }
        ImGui::PopID();
    }
    if (floor.more_alerts > 0) {
        ImGui::TextDisabled(
            "And %llu more, newer: the queues below count every chat past its "
            "target.",
            static_cast<unsigned long long>(floor.more_alerts));
    }
}

void draw_queues(const FloorView& floor, FrameOutput& out) {
    heading("Queues");
    if (!ImGui::BeginTable("floor-queues", 7, kTableFlags)) {
        return;
    }
    ImGui::TableSetupColumn("Queue", 0, 1.1f);
    ImGui::TableSetupColumn("Waiting", 0, 0.6f);
    ImGui::TableSetupColumn("Longest wait", 0, 0.8f);
    ImGui::TableSetupColumn("Offered", 0, 0.6f);
    ImGui::TableSetupColumn("Active", 0, 0.6f);
    ImGui::TableSetupColumn("Agents online and their load", 0, 2.0f);
    ImGui::TableSetupColumn("Abandoned today", 0, 1.0f);
    ImGui::TableHeadersRow();
    for (const FloorQueueRow& row : floor.queues) {
        const core::QueueFloor& f = row.figures;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        plain_text(row.name);
        out.publish("floor.queue/" + std::string(row.name), std::string(row.name));
        ImGui::TextDisabled("%s routing", std::string(core::to_string(row.mode)).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%llu", static_cast<unsigned long long>(f.waiting));
        ImGui::TableNextColumn();
        if (f.waiting + f.offered == 0) {
            ImGui::TextDisabled("—");
        } else {
            const bool late = f.beyond_target > 0;
            ImGui::PushStyleColor(ImGuiCol_Text, late ? theme::kBad : theme::kGood);
            plain_text(format_duration(f.longest_wait));
            ImGui::PopStyleColor();
        }
        ImGui::TextDisabled("target %s", format_duration(row.target_wait).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%llu", static_cast<unsigned long long>(f.offered));
        ImGui::TableNextColumn();
        ImGui::Text("%llu", static_cast<unsigned long long>(f.active));
        ImGui::TableNextColumn();
        if (row.online.empty()) {
            ImGui::TextDisabled("Nobody online");
        }
        const float width = ImGui::GetContentRegionAvail().x;
        for (const FloorLoad& load : row.online) {
            load_bar(load.agent, load.load, load.capacity, width);
        }
        ImGui::TableNextColumn();
        if (f.started_today == 0) {
            ImGui::TextDisabled("No chats yet today");
        } else {
            ImGui::Text("%llu of %llu (%.0f%%)", static_cast<unsigned long long>(f.abandoned_today),
                        static_cast<unsigned long long>(f.started_today),
                        f.abandonment_today() * 100.0);
        }
    }
    ImGui::EndTable();
}

void draw_agents(const FloorView& floor, FrameOutput& out) {
    heading("Agents");
    if (!ImGui::BeginTable("floor-agents", 5, kTableFlags)) {
        return;
    }
    ImGui::TableSetupColumn("Agent", 0, 1.2f);
    ImGui::TableSetupColumn("Role", 0, 0.7f);
    ImGui::TableSetupColumn("Presence", 0, 0.7f);
    ImGui::TableSetupColumn("Chats and capacity", 0, 1.4f);
    ImGui::TableSetupColumn("In this state for", 0, 0.9f);
    ImGui::TableHeadersRow();
    for (const FloorAgentRow& row : floor.agents) {
        const core::AgentFloor& f = row.figures;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        plain_text(row.name);
        out.publish("floor.agent/" + row.id, std::string(row.name));
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        plain_text(core::to_string(row.role));
        ImGui::TableNextColumn();
        status_dot(presence_colour(f.presence));
        ImGui::TextUnformatted(label_of(f.presence));
        ImGui::TableNextColumn();
        load_bar({}, f.load, f.capacity, ImGui::GetContentRegionAvail().x);
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        if (f.in_presence) {
            plain_text(format_duration(*f.in_presence));
        } else {
            ImGui::TextDisabled("—");
        }
    }
    ImGui::EndTable();
}

}  // namespace

void draw_floor_view(const ConsoleViewModel& model, UiState& ui, FrameOutput& out) {
    if (!model.floor) {
        return;
    }
    const FloorView& floor = *model.floor;
    std::uint64_t waiting = 0;
    std::uint64_t active = 0;
    for (const FloorQueueRow& row : floor.queues) {
        waiting += row.figures.waiting + row.figures.offered;
        active += row.figures.active;
    }
    const auto online = std::count_if(floor.agents.begin(), floor.agents.end(), [](const auto& a) {
        return a.figures.presence == core::Presence::online;
    });
    ImGui::BeginChild("floor", ImVec2(0, 0), false);
    ImGui::Text("%llu waiting  ·  %llu in conversation  ·  %d of %d agents online",
                static_cast<unsigned long long>(waiting), static_cast<unsigned long long>(active),
                static_cast<int>(online), static_cast<int>(floor.agents.size()));
    draw_alerts(floor, ui, out);
    draw_queues(floor, out);
    draw_agents(floor, out);
    ImGui::EndChild();
}

}  // namespace parley::console
