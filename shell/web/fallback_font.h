// The full text font behind the subset the console starts with (src/console/font_ranges.txt:
// Latin, Greek, Cyrillic, punctuation). The browser fetches it from beside the wasm only when
// text reaching the page holds a character the subset lacks (a customer writing Georgian, or
// a ★), once; the atlas then merges from it exactly the characters seen. Pages whose text all
// lies in the subset never download it.
#pragma once

#include "console/theme.h"

#include <string_view>

namespace parley::shell {

// The full font's file name, served beside parley.js.
inline constexpr const char* kFallbackFontFile = "fallback-font.ttf";

// Text that reached the console: a server's message, an answer to a REST call, what was typed
// or pasted.
void note_text(std::string_view utf8);
// A character typed on the keyboard (GLFW's character callback).
void note_character(char32_t codepoint);
// True when the atlas must be rebuilt with fallback_glyphs(): when the full font arrived for
// the characters seen so far, and again whenever later text brings more.
bool take_fallback_change();
// After such a rebuild: tells the page how many of the wanted characters the text font now
// draws (<body data-fallback-glyphs>), for people and browser tests.
void show_fallback_glyphs();
// The full font and the characters wanted from it (no font until it arrived).
const console::theme::MergedGlyphs& fallback_glyphs();

}  // namespace parley::shell
