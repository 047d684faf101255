#include "page_activity.h"

#include "console/frame_pacer.h"

#include <emscripten.h>

namespace {

bool g_noted = false;
bool g_resting = false;

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
    const noted = function() {
        window.parley.activity = true;
        ccall("parley_wake_main_loop", null, [], []);
    };
    for (const kind of kinds) window.addEventListener(kind, noted, {capture: true, passive: true});
});

EM_JS(int, js_take_activity, (), {
    const seen = window.parley && window.parley.activity ? 1 : 0;
    if (window.parley) window.parley.activity = false;
    return seen;
});
// clang-format on

void rest() {
    g_resting = true;
    emscripten_set_main_loop_timing(
        EM_TIMING_SETTIMEOUT, static_cast<int>(parley::console::FramePacer::kIdleSeconds * 1000));
}

// Pausing and resuming drops the timer already set, so the next frame is the next animation frame
// rather than the rest of the idle interval away.
void wake() {
    g_resting = false;
    emscripten_set_main_loop_timing(EM_TIMING_RAF, 1);
    emscripten_pause_main_loop();
    emscripten_resume_main_loop();
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void parley_wake_main_loop() {
    if (g_resting) {
        wake();
    }
}

namespace parley::shell {

void install_activity_listeners() {
    js_install_activity_listeners();
}

void note_activity() {
    g_noted = true;
    parley_wake_main_loop();
}

bool take_activity() {
    const bool seen = js_take_activity() != 0 || g_noted;
    g_noted = false;
    return seen;
}

void pace_main_loop(bool settling) {
    if (settling && g_resting) {
        wake();
    } else if (!settling && !g_resting) {
        rest();
    }
}

}  // namespace parley::shell
