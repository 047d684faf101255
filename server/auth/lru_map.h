// Internal to parley_auth: a string-keyed map that remembers use order, so the rate limiter and
// the login throttle can keep their memory bounded however many keys attackers invent.
// Not thread-safe: its owners lock around it.
#pragma once

#include <algorithm>
#include <cstddef>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace parley::server::auth::detail {

template <typename Value>
class LruMap {
public:
    // The entry for the key, now the most recently used, or null.
    Value* find(std::string_view key) {
        const auto found = index_.find(key);
        if (found == index_.end()) {
            return nullptr;
        }
        entries_.splice(entries_.begin(), entries_, found->second);
        return &found->second->value;
    }

    // Adds a key that find() did not know, as the most recently used.
    Value& insert(std::string key, Value value) {
        entries_.push_front(Entry{std::move(key), std::move(value)});
        index_.emplace(entries_.front().key, entries_.begin());
        return entries_.front().value;
    }

    void erase(std::string_view key) {
        if (const auto found = index_.find(key); found != index_.end()) {
            const auto entry = found->second;
            index_.erase(found);
            entries_.erase(entry);
        }
    }

    // Called before an insert: once max_keys is reached, drops what is_stale says carries no
    // information, then the least recently used down to a sixteenth below the limit. The slack
    // makes the full sweep rare, so inserts stay cheap on average.
    template <typename IsStale>
    void make_room(std::size_t max_keys, IsStale is_stale) {
        if (entries_.size() < max_keys) {
            return;
        }
        for (auto entry = entries_.begin(); entry != entries_.end();) {
            if (is_stale(entry->value)) {
                index_.erase(entry->key);
                entry = entries_.erase(entry);
            } else {
                ++entry;
            }
        }
        const std::size_t target = max_keys - std::max<std::size_t>(1, max_keys / 16);
        while (entries_.size() > target) {
            index_.erase(entries_.back().key);
            entries_.pop_back();
        }
    }

    std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        std::string key;
        Value value;
    };

    // Most recently used first. List nodes never move in memory, so the index can view the
    // keys they own.
    std::list<Entry> entries_;
    std::unordered_map<std::string_view, typename std::list<Entry>::iterator> index_;
};

}  // namespace parley::server::auth::detail
