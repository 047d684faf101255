#include "web_link.h"

#include "page_activity.h"

#include <utility>

namespace parley::shell {

WebLink::WebLink(std::string url) : url_(std::move(url)) {}

WebLink::~WebLink() {
    release_socket();
}

void WebLink::open() {
    release_socket();
    EmscriptenWebSocketCreateAttributes attributes;
    emscripten_websocket_init_create_attributes(&attributes);
    attributes.url = url_.c_str();
    socket_ = emscripten_websocket_new(&attributes);
    if (socket_ <= 0) {
        socket_ = 0;
        inbox_.emplace_back(
            console::LinkClosed{"The browser could not open a WebSocket to " + url_ + "."});
        return;
    }
    emscripten_websocket_set_onopen_callback(socket_, this, on_open);
    emscripten_websocket_set_onmessage_callback(socket_, this, on_message);
    emscripten_websocket_set_onclose_callback(socket_, this, on_close);
    emscripten_websocket_set_onerror_callback(socket_, this, on_error);
}

void WebLink::send(std::string text) {
    if (socket_ != 0) {
        emscripten_websocket_send_utf8_text(socket_, text.c_str());
    }
}

void WebLink::close() {
    if (socket_ != 0) {
        emscripten_websocket_close(socket_, 1000, "closing");
    }
}

std::vector<console::LinkEvent> WebLink::drain() {
    return std::exchange(inbox_, {});
}

void WebLink::release_socket() {
    if (socket_ != 0) {
        emscripten_websocket_close(socket_, 1000, "reconnecting");
        emscripten_websocket_delete(socket_);
        socket_ = 0;
    }
}

EM_BOOL WebLink::on_open(int, const EmscriptenWebSocketOpenEvent*, void* self) {
    static_cast<WebLink*>(self)->inbox_.emplace_back(console::LinkOpened{});
    note_activity();
    return EM_TRUE;
}

EM_BOOL WebLink::on_message(int, const EmscriptenWebSocketMessageEvent* event, void* self) {
    if (event->isText && event->numBytes > 0) {
        // numBytes counts the terminating NUL of text frames.
        const auto* bytes = reinterpret_cast<const char*>(event->data);
        static_cast<WebLink*>(self)->inbox_.emplace_back(
            console::LinkMessage{std::string(bytes, event->numBytes - 1)});
        note_activity();
    }
    return EM_TRUE;
}

EM_BOOL WebLink::on_close(int, const EmscriptenWebSocketCloseEvent* event, void* self) {
    auto* link = static_cast<WebLink*>(self);
    std::string reason = event->reason;
    if (reason.empty()) {
        reason = event->code == 1006 ? "The server cannot be reached."
                                     : "The server closed the connection.";
    }
    // The socket is deleted by the next open(), outside of its own callback.
    constexpr unsigned short kPolicyViolation = 1008;
    link->inbox_.emplace_back(console::LinkClosed{reason, event->code == kPolicyViolation});
    note_activity();
    return EM_TRUE;
}

EM_BOOL WebLink::on_error(int, const EmscriptenWebSocketErrorEvent*, void*) {
    // The browser always follows an error with a close event, which reports it.
    return EM_TRUE;
}

}  // namespace parley::shell
