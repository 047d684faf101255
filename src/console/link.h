// The console's only way to the server. A shell implements it (browser WebSocket, Beast
// WebSocket, or an in-page core); socket callbacks queue LinkEvents that the console drains
// at the start of a frame, so no network thread ever touches ImGui or the view model.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace parley::console {

struct LinkOpened {};
struct LinkMessage {
    std::string text;
};
struct LinkClosed {
    std::string reason;
    // The server closed it on purpose (WebSocket close code 1008, policy), e.g. when it ended
    // the session; `reason` is then the server's own words.
    bool by_policy = false;
};

using LinkEvent = std::variant<LinkOpened, LinkMessage, LinkClosed>;

class Link {
public:
    virtual ~Link() = default;

    // Starts connecting; the outcome arrives as LinkOpened or LinkClosed.
    virtual void open() = 0;
    virtual void send(std::string text) = 0;
    virtual void close() = 0;
    // Everything that happened since the last call, in order.
    virtual std::vector<LinkEvent> drain() = 0;
    // Where the link goes, for people ("ws://127.0.0.1:8080/ws").
    virtual std::string describe() const = 0;
};

}  // namespace parley::console
