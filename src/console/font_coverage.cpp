#include "console/font_coverage.h"

#include <iterator>
#include <utility>

namespace parley::console {
namespace {

constexpr char32_t kTextFontPairs[] = {
#include "console/font_ranges.inc"
};
static_assert(std::size(kTextFontPairs) % 2 == 0, "font_ranges.inc holds pairs");

// Decodes one UTF-8 sequence at `text[at]`; advances `at`. Malformed bytes decode as U+FFFD,
// which the text font holds, so they never ask for the full font.
char32_t next_codepoint(std::string_view text, std::size_t& at) {
    const auto lead = static_cast<unsigned char>(text[at++]);
    int extra = 0;
    char32_t value = 0;
    if (lead < 0x80) {
        return lead;
    } else if ((lead & 0xE0) == 0xC0) {
        extra = 1;
        value = lead & 0x1Fu;
    } else if ((lead & 0xF0) == 0xE0) {
        extra = 2;
        value = lead & 0x0Fu;
    } else if ((lead & 0xF8) == 0xF0) {
        extra = 3;
        value = lead & 0x07u;
    } else {
        return 0xFFFD;
    }
    for (int i = 0; i < extra; ++i) {
        if (at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80) {
            return 0xFFFD;
        }
        value = (value << 6) | (static_cast<unsigned char>(text[at++]) & 0x3Fu);
    }
    return value;
}

}  // namespace

bool in_text_font(char32_t codepoint) {
    for (std::size_t i = 0; i < std::size(kTextFontPairs); i += 2) {
        if (codepoint >= kTextFontPairs[i] && codepoint <= kTextFontPairs[i + 1]) {
            return true;
        }
    }
    return false;
}

void FontCoverage::scan(std::string_view utf8) {
    std::size_t at = 0;
    while (at < utf8.size()) {
        // ASCII is the text font's, and most of what arrives: skip it without decoding.
        if (static_cast<unsigned char>(utf8[at]) < 0x80) {
            ++at;
            continue;
        }
        note(next_codepoint(utf8, at));
    }
}

void FontCoverage::note(char32_t codepoint) {
    if (codepoint >= seen_.size() || seen_.test(codepoint) || in_text_font(codepoint)) {
        return;
    }
    seen_.set(codepoint);
    new_.push_back(codepoint);
}

std::vector<char32_t> FontCoverage::take_new() {
    return std::exchange(new_, {});
}

std::vector<char32_t> FontCoverage::all() const {
    std::vector<char32_t> out;
    for (std::size_t codepoint = 0; codepoint < seen_.size(); ++codepoint) {
        if (seen_.test(codepoint)) {
            out.push_back(static_cast<char32_t>(codepoint));
        }
    }
    return out;
}

}  // namespace parley::console
