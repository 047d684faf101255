// What the engine delivers to: one live connection (a console, a widget, an integration), on the
// server a socket, in the page or a test the console's link.
#pragma once

#include <memory>
#include <string>

namespace parley::engine {

// One encoded wire message, shared by every connection it goes to.
using Message = std::shared_ptr<const std::string>;

class Subscriber {
public:
    virtual ~Subscriber() = default;
    // Called by the engine's owner (on the server, the authority's strand), in sequence order;
    // the subscriber hands the message to its own executor and must not block.
    virtual void deliver(Message message) = 0;
};

}  // namespace parley::engine
