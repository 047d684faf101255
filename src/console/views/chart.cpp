#include "console/views/chart.h"

#include "console/format.h"
#include "console/theme.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string_view>

namespace parley::console {

namespace {

constexpr int kGridLines = 4;

// The smallest 1, 2 or 5 times a power of ten at or above `value`, so grid lines fall on round
// numbers.
double round_up(double value) {
    if (value <= 0) {
        return 1;
    }
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 5.0, 10.0}) {
        if (value <= step * power) {
            return step * power;
        }
    }
    return 10 * power;
}

std::string axis_text(double value, std::string_view unit) {
    if (unit == "s") {
        return format_duration(static_cast<core::Duration>(value * 1000.0));
    }
    char text[32];
    std::snprintf(text, sizeof text, unit == "%" ? "%.0f%%" : "%g", value);
    return text;
}

}  // namespace

void draw_chart(const char* id, ChartKind kind, const ChartData& data, const ImVec2& size) {
    ImGui::BeginChild(id, size, true, ImGuiWindowFlags_NoScrollbar);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 room = ImGui::GetContentRegionAvail();
    const float line = ImGui::GetTextLineHeight();
    const std::size_t count = data.values.size();
    if (count == 0) {
        ImGui::TextDisabled("No chats in this range.");
        ImGui::EndChild();
        return;
    }
    double top = 0;
    for (const double value : data.values) {
        top = std::max(top, value);
    }
    // Four grid steps of a round size.
    top = round_up(top / kGridLines) * kGridLines;
    float axis_width = 0;
    for (int i = 0; i <= kGridLines; ++i) {
        axis_width = std::max(
            axis_width, ImGui::CalcTextSize(axis_text(top * i / kGridLines, data.unit).c_str()).x);
    }
    const ImVec2 plot_min(origin.x + axis_width + line * 0.6f, origin.y + line * 0.5f);
    const ImVec2 plot_max(origin.x + room.x - line * 0.5f, origin.y + room.y - line * 1.6f);
    const float plot_height = plot_max.y - plot_min.y;
    const float slot = (plot_max.x - plot_min.x) / static_cast<float>(count);
    const ImU32 grid = ImGui::GetColorU32(ImVec4(1, 1, 1, 0.08f));
    const ImU32 muted = ImGui::GetColorU32(theme::kMuted);
    for (int i = 0; i <= kGridLines; ++i) {
        const float y = plot_max.y - plot_height * static_cast<float>(i) / kGridLines;
        draw->AddLine(ImVec2(plot_min.x, y), ImVec2(plot_max.x, y), grid);
        const std::string label = axis_text(top * i / kGridLines, data.unit);
        const float width = ImGui::CalcTextSize(label.c_str()).x;
        draw->AddText(ImVec2(plot_min.x - width - line * 0.3f, y - line * 0.5f), muted,
                      label.c_str());
    }
    auto point = [&](std::size_t i) {
        const float x = plot_min.x + slot * (static_cast<float>(i) + 0.5f);
        const float y = plot_max.y - static_cast<float>(data.values[i] / top) * plot_height;
        return ImVec2(x, y);
    };
    // Labels every `every` groups so they never overlap.
    float widest = 0;
    for (const std::string& label : data.labels) {
        widest = std::max(widest, ImGui::CalcTextSize(label.c_str()).x);
    }
    const auto every = static_cast<std::size_t>(std::ceil((widest + line) / std::max(slot, 1.0f)));
    for (std::size_t i = 0; i < count; i += std::max<std::size_t>(every, 1)) {
        const float width = ImGui::CalcTextSize(data.labels[i].c_str()).x;
        draw->AddText(ImVec2(point(i).x - width * 0.5f, plot_max.y + line * 0.3f), muted,
                      data.labels[i].c_str());
    }
    const ImU32 accent = ImGui::GetColorU32(theme::kAccent);
    const ImU32 fill = ImGui::GetColorU32(theme::kAccentDim);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    std::optional<std::size_t> hovered;
    if (ImGui::IsWindowHovered() && mouse.x >= plot_min.x && mouse.x < plot_max.x &&
        mouse.y >= plot_min.y && mouse.y <= plot_max.y) {
        hovered = std::min(count - 1, static_cast<std::size_t>((mouse.x - plot_min.x) / slot));
    }
    if (hovered) {
        draw->AddRectFilled(
            ImVec2(plot_min.x + slot * static_cast<float>(*hovered), plot_min.y),
            ImVec2(plot_min.x + slot * static_cast<float>(*hovered + 1), plot_max.y),
            ImGui::GetColorU32(ImVec4(1, 1, 1, 0.05f)));
    }
    if (kind == ChartKind::bars) {
        for (std::size_t i = 0; i < count; ++i) {
            const ImVec2 at = point(i);
            const float half = std::min(slot * 0.32f, line * 2.5f);
            draw->AddRectFilled(ImVec2(at.x - half, at.y), ImVec2(at.x + half, plot_max.y),
                                hovered == i ? accent : fill, 2.0f);
        }
    } else {
        for (std::size_t i = 1; i < count; ++i) {
            draw->AddLine(point(i - 1), point(i), accent, 2.0f);
        }
        for (std::size_t i = 0; i < count; ++i) {
            draw->AddCircleFilled(point(i), hovered == i ? 5.0f : 3.0f, accent);
        }
    }
    if (hovered) {
        ImGui::SetTooltip("%s: %s", data.labels[*hovered].c_str(), data.texts[*hovered].c_str());
    }
    ImGui::Dummy(room);
    ImGui::EndChild();
}

}  // namespace parley::console
