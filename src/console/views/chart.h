// Line and bar charts drawn with ImGui's draw list: a zero-based value axis with four grid
// lines, the groups along the bottom (thinned out when they would overlap), and the hovered
// point's value in a tooltip.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace parley::console {

enum class ChartKind { line, bars };

struct ChartData {
    std::vector<std::string> labels;
    std::vector<double> values;
    // Formatted values, for the tooltip.
    std::vector<std::string> texts;
    // How an axis value reads: "s" (seconds, shown as a duration), "%" or "" (a number).
    const char* unit = "";
};

void draw_chart(const char* id, ChartKind kind, const ChartData& data, const ImVec2& size);

}  // namespace parley::console
