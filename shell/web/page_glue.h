// The browser page around the canvas: its size, its title, the clipboard. JavaScript lives
// here and nowhere else in the console.
#pragma once

#include <string>

namespace parley::shell {

int page_width();
int page_height();
// The WebSocket address of the server that served this page ("wss://host/ws" under https).
std::string server_socket_url();
// Mirrors the connection state into the page title and <body data-connection="…">, so
// people see it in the tab and browser tests can wait for it.
void show_connection_state(const char* label, const char* state);
// Wires ImGui's clipboard to the browser's (paste events in, navigator.clipboard out).
void install_clipboard();

}  // namespace parley::shell
