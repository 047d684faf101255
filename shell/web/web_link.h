// The console's Link over the browser's WebSocket (emscripten/websocket.h). Callbacks run on
// the browser's event loop between frames and only append to the inbox.
#pragma once

#include "console/link.h"

#include <emscripten/websocket.h>

namespace parley::shell {

class WebLink final : public console::Link {
public:
    explicit WebLink(std::string url);
    ~WebLink() override;

    void open() override;
    void send(std::string text) override;
    void close() override;
    std::vector<console::LinkEvent> drain() override;
    std::string describe() const override { return url_; }

private:
    static EM_BOOL on_open(int, const EmscriptenWebSocketOpenEvent*, void* self);
    static EM_BOOL on_message(int, const EmscriptenWebSocketMessageEvent* event, void* self);
    static EM_BOOL on_close(int, const EmscriptenWebSocketCloseEvent* event, void* self);
    static EM_BOOL on_error(int, const EmscriptenWebSocketErrorEvent*, void* self);

    void release_socket();

    std::string url_;
    EMSCRIPTEN_WEBSOCKET_T socket_ = 0;
    std::vector<console::LinkEvent> inbox_;
};

}  // namespace parley::shell
