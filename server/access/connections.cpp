// Registry of live connections; ending happens outside the lock, on each connection's own
// executor.
#include "server/access/connections.h"

namespace parley::server {

void Connections::add(const std::shared_ptr<Closable>& connection, const core::Actor& actor,
                      const std::string& token_hash) {
    const std::lock_guard lock(mutex_);
    entries_[connection.get()] = Entry{connection, actor, token_hash};
}

void Connections::remove(const Closable* connection) {
    const std::lock_guard lock(mutex_);
    entries_.erase(connection);
}

template <class Match>
void Connections::end_matching(Match match, const std::string& reason, bool going_away) {
    std::vector<std::shared_ptr<Closable>> ending;
    {
        const std::lock_guard lock(mutex_);
        for (const auto& [key, entry] : entries_) {
            if (match(entry)) {
                if (auto connection = entry.connection.lock()) {
                    ending.push_back(std::move(connection));
                }
            }
        }
    }
    for (const auto& connection : ending) {
        connection->end(reason, going_away);
    }
}

void Connections::end_token(const std::string& token_hash, const std::string& reason) {
    if (token_hash.empty()) {
        return;
    }
    end_matching([&](const Entry& entry) { return entry.token_hash == token_hash; }, reason, false);
}

void Connections::end_actor(const core::Actor& actor, const std::string& reason) {
    end_matching([&](const Entry& entry) { return entry.actor == actor; }, reason, false);
}

void Connections::end_all(const std::string& reason) {
    end_matching([](const Entry&) { return true; }, reason, true);
}

std::size_t Connections::size() const {
    const std::lock_guard lock(mutex_);
    return entries_.size();
}

}  // namespace parley::server
