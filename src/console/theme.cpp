#include "console/theme.h"

#include <cstdio>

namespace parley::console::theme {
namespace {

constexpr ImWchar kTextFontRanges[] = {
#include "console/font_ranges.inc"
    0,
};

// ImGui keeps only a pointer to the ranges until the atlas is built, so they live here.
ImVector<ImWchar> g_merged_ranges;

void merge(const MergedGlyphs& merged, float size) {
    if (merged.font == nullptr || merged.font->empty() || merged.characters.empty()) {
        return;
    }
    ImFontGlyphRangesBuilder builder;
    for (const char32_t character : merged.characters) {
        builder.AddChar(static_cast<ImWchar>(character));
    }
    g_merged_ranges.clear();
    builder.BuildRanges(&g_merged_ranges);
    ImFontConfig config;
    config.MergeMode = true;
    // The bytes stay with the caller: Clear() on the next rebuild must not free them.
    config.FontDataOwnedByAtlas = false;
    ImGui::GetIO().Fonts->AddFontFromMemoryTTF(merged.font->data(),
                                               static_cast<int>(merged.font->size()), size, &config,
                                               g_merged_ranges.Data);
}

}  // namespace

const ImWchar* text_font_ranges() {
    return kTextFontRanges;
}

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

bool load_font(const char* font_path, float pixel_size, float pixel_ratio,
               const MergedGlyphs& merged) {
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
    io.Fonts->AddFontFromFileTTF(font_path, pixel_size * pixel_ratio, nullptr, kTextFontRanges);
    merge(merged, pixel_size * pixel_ratio);
    return true;
}

}  // namespace parley::console::theme
