#include "console/theme.h"

#include <cstdio>

namespace parley::console::theme {

bool apply(const char* font_path, float pixel_size) {
    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 0.0f;
    style.ChildRounding = 6.0f;
    style.FrameRounding = 4.0f;
    style.WindowPadding = ImVec2(14.0f, 10.0f);
    style.ItemSpacing = ImVec2(8.0f, 8.0f);

    ImGuiIO& io = ImGui::GetIO();
    std::FILE* probe = std::fopen(font_path, "rb");
    if (probe == nullptr) {
        io.Fonts->AddFontDefault();
        return false;
    }
    std::fclose(probe);
    static const ImWchar kRanges[] = {
        0x0020, 0x00FF,  // Basic Latin and Latin-1
        0x0100, 0x017F,  // Latin Extended-A
        0x0370, 0x03FF,  // Greek
        0x0400, 0x052F,  // Cyrillic and its supplement
        0x2000, 0x206F,  // General punctuation (dashes, quotes, ellipsis)
        0x20AC, 0x20BD,  // Euro and rouble signs
        0,
    };
    io.Fonts->AddFontFromFileTTF(font_path, pixel_size, nullptr, kRanges);
    return true;
}

}  // namespace parley::console::theme
