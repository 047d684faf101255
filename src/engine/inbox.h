// The end of an in-process connection (the in-page demo's link, the console tests' server):
// it keeps what the engine delivers until its owner takes it, in order. A feed holds it by
// shared pointer, so it outlives a link that is gone before the feed lets go of it.
#pragma once

#include <utility>
#include <vector>

#include "engine/subscriber.h"

namespace parley::engine {

class Inbox final : public Subscriber {
public:
    void deliver(Message message) override { messages_.push_back(std::move(message)); }
    std::vector<Message> take() { return std::exchange(messages_, {}); }
    bool empty() const { return messages_.empty(); }

private:
    std::vector<Message> messages_;
};

}  // namespace parley::engine
