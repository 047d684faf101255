#include "page_glue.h"

#include <emscripten.h>
#include <imgui.h>

#include <cstdlib>

namespace {

// Text of the browser's last paste event; GLFW's clipboard is an empty stub in emscripten.
std::string g_pasted;

EM_JS(int, js_page_width, (), { return window.innerWidth; });
EM_JS(int, js_page_height, (), { return window.innerHeight; });

EM_JS(char*, js_socket_url, (), {
    const scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    const url = scheme + window.location.host + "/ws";
    const size = lengthBytesUTF8(url) + 1;
    const memory = _malloc(size);
    stringToUTF8(url, memory, size);
    return memory;
});

EM_JS(void, js_show_connection_state, (const char* label, const char* state), {
    document.title = "Parley — " + UTF8ToString(label);
    document.body.dataset.connection = UTF8ToString(state);
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

const char* get_clipboard(void*) { return g_pasted.c_str(); }
void set_clipboard(void*, const char* text) {
    g_pasted = text;
    js_write_clipboard(text);
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void parley_paste_text(const char* text) { g_pasted = text; }

namespace parley::shell {

int page_width() { return js_page_width(); }
int page_height() { return js_page_height(); }

std::string server_socket_url() {
    char* url = js_socket_url();
    std::string result(url);
    std::free(url);
    return result;
}

void show_connection_state(const char* label, const char* state) {
    js_show_connection_state(label, state);
}

void install_clipboard() {
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = get_clipboard;
    io.SetClipboardTextFn = set_clipboard;
    js_listen_for_paste();
}

}  // namespace parley::shell
