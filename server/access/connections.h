// The live WebSocket connections by session token and by actor, so logout, a password change
// or a deactivation closes exactly the sockets that credential opened, and shutdown closes
// them all with a reason. Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/actor.h"

namespace parley::server {

// A connection that can be told to end.
class Closable {
public:
    virtual ~Closable() = default;
    // Closes with the WebSocket policy code (or going-away at shutdown) and the reason.
    virtual void end(std::string reason, bool going_away) = 0;
};

class Connections {
public:
    void add(const std::shared_ptr<Closable>& connection, const core::Actor& actor,
             const std::string& token_hash);
    void remove(const Closable* connection);

    void end_token(const std::string& token_hash, const std::string& reason);
    void end_actor(const core::Actor& actor, const std::string& reason);
    void end_all(const std::string& reason);
    std::size_t size() const;

private:
    struct Entry {
        std::weak_ptr<Closable> connection;
        core::Actor actor;
        std::string token_hash;
    };
    template <class Match>
    void end_matching(Match match, const std::string& reason, bool going_away);

    mutable std::mutex mutex_;
    std::unordered_map<const Closable*, Entry> entries_;
};

}  // namespace parley::server
