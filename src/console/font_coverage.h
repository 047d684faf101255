// Which characters of the text reaching the console its text font lacks. The font is a subset
// (font_ranges.txt); a shell that can fetch the full font feeds every text that arrives here
// (messages from the server, what is typed or pasted) and asks for the characters to merge.
// Plain C++: no ImGui, no platform.
#pragma once

#include <bitset>
#include <string_view>
#include <vector>

namespace parley::console {

// True when `codepoint` lies in the ranges of the console's text font.
bool in_text_font(char32_t codepoint);

class FontCoverage {
public:
    // Notes the characters of `utf8` outside the text font. Only the Basic Multilingual Plane
    // counts: ImGui 1.86 (16-bit ImWchar) draws anything above it as U+FFFD.
    void scan(std::string_view utf8);
    // The same for one character (a key typed).
    void note(char32_t codepoint);
    // Characters noted since the last call, each once in the coverage's life.
    std::vector<char32_t> take_new();
    // Every character noted so far, in ascending order.
    std::vector<char32_t> all() const;

private:
    std::bitset<0x10000> seen_;
    std::vector<char32_t> new_;
};

}  // namespace parley::console
