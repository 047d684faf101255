#include "page_activity.h"

#include <emscripten.h>

namespace {

bool g_noted = false;

// JavaScript, not C++: clang-format would break its operators apart.
// clang-format off
// Capturing listeners on the window see every event before the canvas or the hidden text
// field handles it, and never stop it.
EM_JS(void, js_install_activity_listeners, (), {
    window.parley = window.parley || {};
    window.parley.activity = true;
    const kinds = ["pointerdown", "pointerup", "pointermove", "mousedown", "mouseup", "mousemove",
                   "wheel", "touchstart", "touchmove", "touchend", "keydown", "keyup", "keypress",
                   "input", "compositionend", "paste", "focus", "blur", "resize",
                   "visibilitychange"];
    const noted = function() { window.parley.activity = true; };
    for (const kind of kinds) window.addEventListener(kind, noted, {capture: true, passive: true});
});

EM_JS(int, js_take_activity, (), {
    const seen = window.parley && window.parley.activity ? 1 : 0;
    if (window.parley) window.parley.activity = false;
    return seen;
});
// clang-format on

}  // namespace

namespace parley::shell {

void install_activity_listeners() {
    js_install_activity_listeners();
}

void note_activity() {
    g_noted = true;
}

bool take_activity() {
    const bool seen = js_take_activity() != 0 || g_noted;
    g_noted = false;
    return seen;
}

}  // namespace parley::shell
