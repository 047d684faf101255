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
    return load_font(font_path, pixel_size, 1.0f);
}

bool load_font(const char* font_path, float pixel_size, float pixel_ratio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // Glyphs drawn at the screen's own pixel size, then shown at the logical size: sharp text
    // on high-DPI screens instead of a low-resolution atlas magnified.
    io.FontGlobalScale = 1.0f / pixel_ratio;
    std::FILE* probe = std::fopen(font_path, "rb");
    if (probe == nullptr) {
        ImFontConfig config;
        config.SizePixels = 13.0f * pixel_ratio;
        io.Fonts->AddFontDefault(&config);
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
    io.Fonts->AddFontFromFileTTF(font_path, pixel_size * pixel_ratio, nullptr, kRanges);
    return true;
}

}  // namespace parley::console::theme
