// Colours and fonts of the console, set at start-up by the shell (the font again when the
// screen's pixel ratio changes, or when glyphs from a second font are wanted).
#pragma once

#include <imgui.h>

#include <vector>

namespace parley::console::theme {

inline const ImVec4 kAccent{0.36f, 0.62f, 0.98f, 1.0f};
// Behind white text: the selected tab of a row of buttons, a bar in a chart.
inline const ImVec4 kAccentDim{0.20f, 0.38f, 0.66f, 1.0f};
inline const ImVec4 kGood{0.30f, 0.75f, 0.45f, 1.0f};
inline const ImVec4 kPending{0.95f, 0.72f, 0.25f, 1.0f};
inline const ImVec4 kBad{0.92f, 0.36f, 0.36f, 1.0f};
inline const ImVec4 kMuted{0.55f, 0.58f, 0.63f, 1.0f};
// Internal notes: never seen by customers, so they must never look like a message.
inline const ImVec4 kNoteText{0.98f, 0.86f, 0.55f, 1.0f};
inline const ImVec4 kNoteBackground{0.30f, 0.25f, 0.10f, 1.0f};
inline const ImVec4 kCustomer{0.55f, 0.80f, 0.98f, 1.0f};

// The glyph ranges of the text font (font_ranges.txt), pairs ending with 0 as ImGui takes them.
const ImWchar* text_font_ranges();

// Glyphs merged from a second font for characters the text font lacks: the second font's TTF
// bytes, which the caller keeps alive as long as the atlas, and the characters wanted from it.
struct MergedGlyphs {
    std::vector<unsigned char>* font = nullptr;
    std::vector<char32_t> characters;
};

// Applies Parley's style and loads the text font (font_ranges.txt: Latin, Greek, Cyrillic) from
// `font_path` at `pixel_size`; falls back to ImGui's built-in font, Latin only, when the file
// is missing. Returns false in that case so the shell can say so.
bool apply(const char* font_path, float pixel_size);
// Replaces the font atlas with the font rasterised for a screen of `pixel_ratio` device pixels
// per logical pixel, shown at `pixel_size` logical pixels (FontGlobalScale = 1 / ratio), with
// `merged` added to it. The shell re-uploads the atlas texture afterwards. Returns false as
// apply() does.
bool load_font(const char* font_path, float pixel_size, float pixel_ratio,
               const MergedGlyphs& merged = {});

}  // namespace parley::console::theme
