// What the authority delivers to: one live connection (a console, a widget, an integration).
#pragma once

#include <memory>
#include <string>

namespace parley::server {

class Subscriber {
public:
    virtual ~Subscriber() = default;
    // Called on the authority's strand, in sequence order; the subscriber hands the message to
    // its own executor and must not block.
    virtual void deliver(std::shared_ptr<const std::string> message) = 0;
};

}  // namespace parley::server
