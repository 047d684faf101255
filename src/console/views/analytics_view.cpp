#include "console/views/analytics_view.h"

#include "console/labels.h"
#include "console/theme.h"
#include "console/views/chart.h"
#include "console/views/widgets.h"
#include "core/calendar.h"
#include "core/names.h"

#include <imgui.h>

#include <map>
#include <string>

namespace parley::console {

namespace {

constexpr core::GroupBy kGroupings[] = {core::GroupBy::day, core::GroupBy::queue,
                                        core::GroupBy::agent, core::GroupBy::channel};
constexpr AnalyticsRange kRanges[] = {AnalyticsRange::today, AnalyticsRange::last_7_days,
                                      AnalyticsRange::last_30_days, AnalyticsRange::last_90_days};

void draw_controls(const AnalyticsView& view, UiState& ui, FrameOutput& out) {
    AnalyticsQuery& query = ui.analytics;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Per");
    ImGui::SameLine();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(2.0f, ImGui::GetStyle().ItemSpacing.y));
    for (const core::GroupBy by : kGroupings) {
        if (segment_button(label_of(by), "analytics.by." + std::string(core::to_string(by)),
                           query.by == by, out)) {
            query.by = by;
        }
        ImGui::SameLine();
    }
    ImGui::PopStyleVar();
    ImGui::SameLine(0, ImGui::GetFontSize());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.0f);
    if (ImGui::BeginCombo("##range", range_name(query.range))) {
        for (const AnalyticsRange range : kRanges) {
            if (ImGui::Selectable(range_name(range), range == query.range)) {
                query.range = range;
            }
            out.publish("analytics.range." + std::to_string(static_cast<int>(range)),
                        range_name(range));
        }
        ImGui::EndCombo();
    }
    out.publish("analytics.range", range_name(query.range));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11.0f);
    if (ImGui::BeginCombo("##measure", measure_name(query.measure))) {
        for (std::size_t i = 0; i < kMeasureCount; ++i) {
            const auto measure = static_cast<Measure>(i);
            if (ImGui::Selectable(measure_name(measure), measure == query.measure)) {
                query.measure = measure;
            }
            out.publish("analytics.measure." + std::to_string(i), measure_name(measure));
        }
        ImGui::EndCombo();
    }
    out.publish("analytics.measure", measure_name(query.measure));
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize("Export CSV").x -
                    ImGui::GetStyle().FramePadding.x * 2);
    if (published_button("Export CSV", "analytics.export", out)) {
        out.downloads.push_back(view.csv_path);
    }
}

// Per day the chart shows every day of the range, a day without chats as zero.
ChartData chart_data(const AnalyticsView& view) {
    const auto measure = static_cast<std::size_t>(view.query.measure);
    ChartData data;
    data.unit = measure_unit(view.query.measure);
    if (view.query.by != core::GroupBy::day) {
        for (const AnalyticsTableRow& row : view.rows) {
            data.labels.push_back(row.group);
            data.values.push_back(row.values[measure]);
            data.texts.push_back(row.cells[measure]);
        }
        return data;
    }
    std::map<std::string, const AnalyticsTableRow*> days;
    for (const AnalyticsTableRow& row : view.rows) {
        days.emplace(row.group, &row);
    }
    for (core::Timestamp day = view.from; day < view.to; day += core::kDay) {
        const std::string name = core::day_of(day);
        const auto found = days.find(name);
        data.labels.push_back(name.substr(5));
        data.values.push_back(found == days.end() ? 0.0 : found->second->values[measure]);
        data.texts.push_back(found == days.end() ? "no chats" : found->second->cells[measure]);
    }
    return data;
}

void table_row(const AnalyticsTableRow& row, bool total) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (total) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::kAccent);
    }
    ImGui::TextUnformatted(row.group.c_str());
    for (const std::string& cell : row.cells) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(cell.c_str());
    }
    if (total) {
        ImGui::PopStyleColor();
    }
}

void draw_table(const AnalyticsView& view) {
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                       ImGuiTableFlags_ScrollY | ImGuiTableFlags_PadOuterX |
                                       ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("analytics-table", static_cast<int>(kMeasureCount) + 1, kFlags)) {
        return;
    }
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(label_of(view.query.by), 0, 1.3f);
    for (std::size_t i = 0; i < kMeasureCount; ++i) {
        ImGui::TableSetupColumn(measure_name(static_cast<Measure>(i)), 0, 1.0f);
    }
    ImGui::TableHeadersRow();
    for (const AnalyticsTableRow& row : view.rows) {
        table_row(row, false);
    }
    if (!view.rows.empty()) {
        table_row(view.total, true);
    }
    ImGui::EndTable();
}

}  // namespace

void draw_analytics_view(const ConsoleViewModel& model, UiState& ui, FrameOutput& out) {
    if (!model.analytics) {
        return;
    }
    const AnalyticsView& view = *model.analytics;
    if (ui.analytics_asked != view.path || view.refresh) {
        out.call(kAnalyticsCall, "GET", view.path);
        ui.analytics_asked = view.path;
    }
    draw_controls(view, ui, out);
    ImGui::TextDisabled(
        "Chats started %s to %s (UTC), from the same figures the server exports. "
        "Hover the chart for values.",
        core::day_of(view.from).c_str(), core::day_of(view.to - 1).c_str());
    if (view.loading) {
        ImGui::SameLine();
        ImGui::TextDisabled("Counting…");
    }
    if (!view.problem.empty()) {
        coloured_wrapped(theme::kBad, view.problem.c_str());
        out.publish("analytics.problem", view.problem);
    }
    const ImVec2 room = ImGui::GetContentRegionAvail();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kAccent);
    ImGui::Text("%s per %s", measure_name(view.query.measure), label_of(view.query.by));
    ImGui::PopStyleColor();
    draw_chart("analytics-chart",
               view.query.by == core::GroupBy::day ? ChartKind::line : ChartKind::bars,
               chart_data(view), ImVec2(0, std::max(room.y * 0.45f, 160.0f)));
    draw_table(view);
}

}  // namespace parley::console
