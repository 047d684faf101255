// The browser page around the canvas: its size and pixel ratio, its title, notifications, the
// clock, the clipboard and the automation bridge. JavaScript lives here and nowhere else in the
// console.
#pragma once

#include <string>

namespace parley::shell {

// The CSS size of the canvas the console draws on.
int page_width();
int page_height();
// Device pixels per CSS pixel (window.devicePixelRatio): changes with zoom and screen.
double page_pixel_ratio();
// Tells the page the ratio the font was last rasterised for (<body data-pixel-ratio>).
void show_pixel_ratio(double ratio);
// The WebSocket address of the server that served this page ("wss://host/ws" under https).
std::string server_socket_url();
// Mirrors the connection state into the page title (unless <body data-title> fixes it) and
// <body data-connection="…">, so people see it in the tab and browser tests can wait for it.
void show_connection_state(const char* label, const char* state);
// Tells the agent something needs them: a chime, a flashing title, a notification when hidden.
void notify(const std::string& title, const std::string& body);
// Gives the page window.parley.automation(): the last drawn frame's summary, parsed (asks
// parley_automation_text, exported by browser_frame.cpp).
void install_automation();
// Downloads an attachment by its ref, a path on this server (the session cookie goes along).
void download(const std::string& ref);
// Milliseconds since the epoch (Date.now()).
double wall_ms();
// A hidden text field for IME, mobile and virtual keyboards (see page_glue.cpp).
void install_text_input();
// Gives the hidden field the keyboard (called while ImGui wants text).
void take_text_focus();
// Wires ImGui's clipboard to the browser's (paste events in, navigator.clipboard out).
void install_clipboard();

}  // namespace parley::shell
