#include "page_glue.h"

#include "fallback_font.h"

#include <emscripten.h>
#include <imgui.h>

#include <cstdlib>

namespace {

// Text of the browser's last paste event; GLFW's clipboard is an empty stub in emscripten.
std::string g_pasted;

// JavaScript, not C++: clang-format would break its operators apart.
// clang-format off

// The canvas's CSS size: the whole window for the console, below a banner in the demo.
EM_JS(int, js_page_width, (), {
    const canvas = Module.canvas;
    return canvas && canvas.clientWidth ? canvas.clientWidth : window.innerWidth;
});
EM_JS(int, js_page_height, (), {
    const canvas = Module.canvas;
    return canvas && canvas.clientHeight ? canvas.clientHeight : window.innerHeight;
});
EM_JS(double, js_page_pixel_ratio, (), { return window.devicePixelRatio || 1; });

EM_JS(void, js_show_pixel_ratio, (double ratio), {
    document.body.dataset.pixelRatio = String(ratio);
});

EM_JS(char*, js_socket_url, (), {
    const scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    const url = scheme + window.location.host + "/ws";
    const size = lengthBytesUTF8(url) + 1;
    const memory = _malloc(size);
    stringToUTF8(url, memory, size);
    return memory;
});

EM_JS(void, js_show_connection_state, (const char* label, const char* state), {
    window.parley = window.parley || {};
    // A page with a title of its own (<body data-title>, the demo) keeps it.
    window.parley.baseTitle = document.body.dataset.title || "Parley — " + UTF8ToString(label);
    if (!window.parley.flashing) document.title = window.parley.baseTitle;
    document.body.dataset.connection = UTF8ToString(state);
});

// A short chime made with Web Audio (nothing to download), the tab title flashing until the
// page is looked at, and a system notification when the tab is hidden and the agent allowed
// them. window.parley.notices counts notices for tests.
EM_JS(void, js_notify, (const char* title_text, const char* body_text), {
    const title = UTF8ToString(title_text);
    const body = UTF8ToString(body_text);
    const parley = window.parley = window.parley || {};
    parley.notices = (parley.notices || 0) + 1;
    parley.lastNotice = {title: title, body: body};
    try {
        const audio = parley.audio = parley.audio || new AudioContext();
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = 880;
        gain.gain.setValueAtTime(0.15, audio.currentTime);
        gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
        tone.connect(gain);
        gain.connect(audio.destination);
        tone.start();
        tone.stop(audio.currentTime + 0.4);
    } catch (error) {
        // No sound without an audio device or before the first user gesture; the rest stays.
    }
    if (!parley.flashing) {
        parley.flashing = setInterval(function() {
            if (document.hasFocus() && !document.hidden) {
                clearInterval(parley.flashing);
                parley.flashing = null;
                document.title = parley.baseTitle || "Parley";
                return;
            }
            document.title = document.title.startsWith("● ") ? (parley.baseTitle || "Parley")
                                                              : "● " + title;
        }, 1000);
    }
    if (document.hidden && window.Notification && Notification.permission === "granted") {
        new Notification(title, {body: body, tag: "parley-" + title});
    }
});

EM_JS(void, js_listen_for_paste, (), {
    window.addEventListener("paste", function(event) {
        const text = event.clipboardData ? event.clipboardData.getData("text/plain") : "";
        ccall("parley_paste_text", null, ["string"], [text]);
    });
});

EM_JS(void, js_write_clipboard, (const char* text), {
    if (navigator.clipboard) {
        navigator.clipboard.writeText(UTF8ToString(text)).catch(function() {});
    }
});

EM_JS(void, js_install_automation, (), {
    window.parley = window.parley || {};
    window.parley.automation = function() {
        return JSON.parse(ccall("parley_automation_text", "string", [], []));
    };
});

EM_JS(double, js_wall_ms, (), { return Date.now(); });

// IME, mobile and virtual keyboards deliver text only as input events on a focused text field,
// never as the keypress GLFW reads: a hidden <input> takes the focus while ImGui wants text and
// passes on what GLFW will not see (compositions, text inserted without a keypress). Text that
// came with a keypress was already read by GLFW; pastes go through the clipboard bridge.
EM_JS(void, js_install_text_input, (), {
    const input = document.createElement("input");
    input.type = "text";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.setAttribute("aria-label", "Text for the Parley console");
    input.style.cssText = "position:fixed;left:0;top:0;width:2px;height:2px;opacity:0;border:0;padding:0";
    document.body.appendChild(input);
    let keypressed = false;
    let composing = false;
    // Only the keystroke under way counts: Enter makes a keypress but no input event.
    window.addEventListener("keydown", function() { keypressed = false; }, true);
    window.addEventListener("keypress", function() { keypressed = true; }, true);
    window.addEventListener("keyup", function() { keypressed = false; }, true);
    input.addEventListener("compositionstart", function() { composing = true; });
    input.addEventListener("compositionend", function(event) {
        composing = false;
        if (event.data) ccall("parley_text_input", null, ["string"], [event.data]);
        input.value = "";
    });
    input.addEventListener("input", function(event) {
        if (composing || event.isComposing || event.inputType === "insertCompositionText") return;
        const sawKeypress = keypressed;
        keypressed = false;
        if (!sawKeypress && event.inputType !== "insertFromPaste" && event.data) {
            ccall("parley_text_input", null, ["string"], [event.data]);
        }
        input.value = "";
    });
    window.parley = window.parley || {};
    window.parley.textInput = input;
});

// The field keeps the focus once it has it: GLFW hears keys on the window either way, and
// handing the focus back and forth between two edits would drop what is typed in between.
EM_JS(void, js_take_text_focus, (), {
    const input = window.parley && window.parley.textInput;
    if (input && document.activeElement !== input) input.focus({preventScroll: true});
});

// Keeps the hidden field under ImGui's text cursor, where IME candidate windows then appear.
EM_JS(void, js_place_text_input, (int x, int y), {
    const input = window.parley && window.parley.textInput;
    if (!input) return;
    input.style.left = x + "px";
    input.style.top = y + "px";
});

// Only the server's downloads are followed (files, analytics exports): a ref comes from chat
// data and must not send the agent anywhere else. The server answers with
// Content-Disposition: attachment.
EM_JS(void, js_download, (const char* ref_text), {
    const ref = UTF8ToString(ref_text);
    if (!ref.startsWith("/api/attachments/") && !ref.startsWith("/api/analytics?")) return;
    const link = document.createElement("a");
    link.href = ref;
    link.download = "";
    document.body.appendChild(link);
    link.click();
    link.remove();
});
// clang-format on

const char* get_clipboard(void*) {
    return g_pasted.c_str();
}
void set_clipboard(void*, const char* text) {
    g_pasted = text;
    js_write_clipboard(text);
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void parley_paste_text(const char* text) {
    parley::shell::note_text(text);
    g_pasted = text;
}

extern "C" EMSCRIPTEN_KEEPALIVE void parley_text_input(const char* text) {
    parley::shell::note_text(text);
    ImGui::GetIO().AddInputCharactersUTF8(text);
}

namespace parley::shell {

int page_width() {
    return js_page_width();
}
int page_height() {
    return js_page_height();
}
double page_pixel_ratio() {
    return js_page_pixel_ratio();
}
void show_pixel_ratio(double ratio) {
    js_show_pixel_ratio(ratio);
}

std::string server_socket_url() {
    char* url = js_socket_url();
    std::string result(url);
    std::free(url);
    return result;
}

void show_connection_state(const char* label, const char* state) {
    js_show_connection_state(label, state);
}

void notify(const std::string& title, const std::string& body) {
    js_notify(title.c_str(), body.c_str());
}

void install_automation() {
    js_install_automation();
}

double wall_ms() {
    return js_wall_ms();
}

void download(const std::string& ref) {
    js_download(ref.c_str());
}

void install_text_input() {
    ImGui::GetIO().ImeSetInputScreenPosFn = [](int x, int y) { js_place_text_input(x, y); };
    js_install_text_input();
}

void take_text_focus() {
    js_take_text_focus();
}

void install_clipboard() {
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = get_clipboard;
    io.SetClipboardTextFn = set_clipboard;
    js_listen_for_paste();
}

}  // namespace parley::shell
