// The console's text font: the subset the build makes holds every glyph the full font has in
// the ranges ImGui loads (one list, font_ranges.txt, feeds both; this checks pyftsubset kept
// them), the characters outside it are noticed once each, and glyphs merged from the full font
// reach the atlas.
#include "console/font_coverage.h"
#include "console/theme.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <fstream>
#include <iterator>
#include <vector>

#include "headless_imgui.h"

namespace parley::console {
namespace {

std::vector<unsigned char> font_bytes(const char* path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(FontCoverage, TextInTheFontsScriptsAsksForNothing) {
    FontCoverage coverage;
    coverage.scan(
        "Hello, Привет, Ελληνικά, café, Łódź — “quoted” … 20 € 300 "
        "₽");
    EXPECT_TRUE(coverage.take_new().empty());
}

TEST(FontCoverage, EachCharacterOutsideTheFontIsNoticedOnce) {
    FontCoverage coverage;
    coverage.scan("გამარჯობა ★");
    const std::vector<char32_t> first = coverage.take_new();
    EXPECT_EQ(first.size(), 8u);  // seven distinct Georgian letters and the star
    coverage.scan("გამარჯობა ★ ✓");
    EXPECT_EQ(coverage.take_new(), std::vector<char32_t>{U'✓'});
    EXPECT_EQ(coverage.all().size(), 9u);
    EXPECT_EQ(coverage.all().front(), U'ა');
}

TEST(FontCoverage, CharactersImGuiCannotDrawAndBrokenBytesAskForNothing) {
    FontCoverage coverage;
    // Beyond the Basic Multilingual Plane (16-bit ImWchar), and malformed UTF-8.
    coverage.scan("\xF0\x9F\x98\x80 \xE2\x98 \xFF \xC3");
    EXPECT_TRUE(coverage.take_new().empty());
}

TEST(TextFont, TheSubsetHoldsEveryGlyphTheFullFontHasInTheRanges) {
    ImFontAtlas subset_atlas;
    ImFontAtlas full_atlas;
    ImFont* subset = subset_atlas.AddFontFromFileTTF(PARLEY_TEXT_FONT, 17.0f, nullptr,
                                                     theme::text_font_ranges());
    ImFont* full =
        full_atlas.AddFontFromFileTTF(PARLEY_FULL_FONT, 17.0f, nullptr, theme::text_font_ranges());
    ASSERT_NE(subset, nullptr) << PARLEY_TEXT_FONT;
    ASSERT_NE(full, nullptr) << PARLEY_FULL_FONT;
    ASSERT_TRUE(subset_atlas.Build());
    ASSERT_TRUE(full_atlas.Build());
    int glyphs = 0;
    for (const ImWchar* range = theme::text_font_ranges(); range[0] != 0; range += 2) {
        for (unsigned codepoint = range[0]; codepoint <= range[1]; ++codepoint) {
            const auto character = static_cast<ImWchar>(codepoint);
            if (full->FindGlyphNoFallback(character) == nullptr) {
                continue;
            }
            ++glyphs;
            EXPECT_NE(subset->FindGlyphNoFallback(character), nullptr)
                << "U+" << std::hex << codepoint << " is missing from the subset";
        }
        EXPECT_TRUE(in_text_font(range[0]));
        EXPECT_TRUE(in_text_font(range[1]));
    }
    EXPECT_GT(glyphs, 800);
    EXPECT_NE(subset->FindGlyphNoFallback(u'Ж'), nullptr);
    EXPECT_EQ(subset->FindGlyphNoFallback(u'ა'), nullptr);
}

class TextFontAtlas : public ::testing::Test {
protected:
    void SetUp() override { testing::create_headless_imgui(); }
    void TearDown() override { ImGui::DestroyContext(); }
};

TEST_F(TextFontAtlas, GlyphsMergedFromTheFullFontJoinTheTextFont) {
    std::vector<unsigned char> full = font_bytes(PARLEY_FULL_FONT);
    ASSERT_FALSE(full.empty());
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;

    ASSERT_TRUE(theme::load_font(PARLEY_TEXT_FONT, 17.0f, 2.0f));
    ASSERT_TRUE(atlas.Build());
    EXPECT_EQ(atlas.Fonts[0]->FindGlyphNoFallback(u'ა'), nullptr);
    // A character the font lacks shows as the replacement character, not as '?'.
    EXPECT_EQ(atlas.Fonts[0]->FallbackChar, 0xFFFD);

    ASSERT_TRUE(theme::load_font(PARLEY_TEXT_FONT, 17.0f, 2.0f, {&full, {U'ა', U'★'}}));
    ASSERT_TRUE(atlas.Build());
    ASSERT_EQ(atlas.Fonts.Size, 1) << "merged into the text font, not a font of its own";
    EXPECT_NE(atlas.Fonts[0]->FindGlyphNoFallback(u'ა'), nullptr);
    EXPECT_NE(atlas.Fonts[0]->FindGlyphNoFallback(u'★'), nullptr);
    EXPECT_NE(atlas.Fonts[0]->FindGlyphNoFallback(u'Ж'), nullptr);
    EXPECT_EQ(atlas.Fonts[0]->FindGlyphNoFallback(u'ბ'), nullptr) << "only the wanted ones";
}

}  // namespace
}  // namespace parley::console
