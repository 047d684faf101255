#include "fallback_font.h"

#include "console/font_coverage.h"
#include "page_activity.h"

#include <emscripten.h>
#include <imgui.h>

#include <vector>

namespace {

enum class FetchState { not_needed, fetching, arrived, failed };

struct FallbackFont {
    parley::console::FontCoverage coverage;
    std::vector<unsigned char> bytes;
    parley::console::theme::MergedGlyphs glyphs{&bytes, {}};
    FetchState state = FetchState::not_needed;
    // Characters were noted since the atlas last took them.
    bool changed = false;
};

FallbackFont g_fallback;

// JavaScript, not C++: clang-format would break its operators apart. The page's
// <body data-fallback-font> says where the fetch stands, for people and browser tests.
// clang-format off
EM_JS(void, js_fetch_fallback_font, (const char* file), {
    document.body.dataset.fallbackFont = "fetching";
    const arrived = (pointer, size) =>
        ccall("parley_fallback_font_arrived", null, ["number", "number"], [pointer, size]);
    fetch(UTF8ToString(file))
        .then((reply) => {
            if (!reply.ok) throw new Error("HTTP " + reply.status);
            return reply.arrayBuffer();
        })
        .then((buffer) => {
            const bytes = new Uint8Array(buffer);
            const pointer = _malloc(bytes.length);
            HEAPU8.set(bytes, pointer);
            arrived(pointer, bytes.length);
            _free(pointer);
            document.body.dataset.fallbackFont = "arrived";
        })
        .catch((error) => {
            console.warn("parley: the full font could not be fetched: " + error.message);
            document.body.dataset.fallbackFont = "failed";
            arrived(0, 0);
        });
});

EM_JS(void, js_show_fallback_glyphs, (int count), {
    document.body.dataset.fallbackGlyphs = String(count);
});
// clang-format on

// Fetches the full font for characters noted since the last look, or marks the atlas stale.
void want_new_characters() {
    if (g_fallback.coverage.take_new().empty()) {
        return;
    }
    g_fallback.changed = true;
    if (g_fallback.state == FetchState::not_needed) {
        g_fallback.state = FetchState::fetching;
        js_fetch_fallback_font(parley::shell::kFallbackFontFile);
    }
}

}  // namespace

// The fetched font's bytes (size 0: the fetch failed, and the characters stay U+FFFD).
extern "C" EMSCRIPTEN_KEEPALIVE void parley_fallback_font_arrived(const unsigned char* bytes,
                                                                  int size) {
    if (size <= 0) {
        g_fallback.state = FetchState::failed;
        return;
    }
    g_fallback.bytes.assign(bytes, bytes + size);
    g_fallback.state = FetchState::arrived;
    g_fallback.changed = true;
    parley::shell::note_activity();
}

namespace parley::shell {

void note_text(std::string_view utf8) {
    g_fallback.coverage.scan(utf8);
    want_new_characters();
}

void note_character(char32_t codepoint) {
    g_fallback.coverage.note(codepoint);
    want_new_characters();
}

bool take_fallback_change() {
    if (g_fallback.state != FetchState::arrived || !g_fallback.changed) {
        return false;
    }
    g_fallback.changed = false;
    g_fallback.glyphs.characters = g_fallback.coverage.all();
    return true;
}

void show_fallback_glyphs() {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    // Built by the texture's upload, except before the first frame, when there is none yet.
    if (!atlas.IsBuilt()) {
        atlas.Build();
    }
    const ImFont& font = *atlas.Fonts[0];
    int drawn = 0;
    for (const char32_t character : g_fallback.glyphs.characters) {
        drawn += font.FindGlyphNoFallback(static_cast<ImWchar>(character)) != nullptr ? 1 : 0;
    }
    js_show_fallback_glyphs(drawn);
}

const console::theme::MergedGlyphs& fallback_glyphs() {
    return g_fallback.glyphs;
}

}  // namespace parley::shell
