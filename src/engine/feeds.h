// Feeds: what each actor is sent, kept per actor rather than per connection. Every connection
// of an actor (two tabs, a reconnect) reads the same feed, and the feed keeps its recent
// messages so a client that resumes from sequence number N gets exactly the messages after N
// — no gap, no duplicate — or a fresh sync when the feed no longer reaches back that far.
// Used by one thread at a time: the engine's owner's.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/actor.h"
#include "core/ids.h"
#include "engine/subscriber.h"

namespace parley::engine {

struct FeedEntry {
    std::uint64_t seq = 0;
    Message message;
};

class Feed {
public:
    Feed(core::Actor actor, std::uint64_t base, std::size_t max_recent);

    const core::Actor& actor() const { return actor_; }
    // Records the message for `seq` and delivers it to every attached subscriber.
    void push(std::uint64_t seq, const Message& message);
    // Delivers a message outside the replica's sequence (a queue position) to every attached
    // subscriber without recording it: a resume must not replay a stale one.
    void send(const Message& message);
    // Whether the feed still holds every message after `seq`.
    bool reaches_back_to(std::uint64_t seq) const { return seq >= base_; }
    // Delivers the recorded messages after `seq`, then attaches.
    void resume(const std::shared_ptr<Subscriber>& subscriber, std::uint64_t seq);
    void attach(const std::shared_ptr<Subscriber>& subscriber);
    void detach(const Subscriber* subscriber, core::Timestamp now);
    bool idle_since_before(core::Timestamp cutoff) const;
    bool wide() const { return wide_; }

private:
    friend class Feeds;
    core::Actor actor_;
    // Every message for a sequence number above base_ is in recent_.
    std::uint64_t base_ = 0;
    std::size_t max_recent_;
    std::deque<FeedEntry> recent_;
    std::vector<std::shared_ptr<Subscriber>> subscribers_;
    core::Timestamp idle_since_ = 0;
    bool wide_ = false;
};

class Feeds {
public:
    struct Limits {
        // Messages a feed keeps for resuming; beyond that a resume gets a sync.
        std::size_t max_recent = 4096;
        // How long the feed of an actor with no connection is kept for a resume.
        core::Duration keep_idle = 10 * core::kMinute;
    };

    explicit Feeds(Limits limits) : limits_(limits) {}

    std::shared_ptr<Feed> find(const core::Actor& actor) const;
    // The actor's feed, created with `base` as its starting point if there is none.
    std::shared_ptr<Feed> open(const core::Actor& actor, std::uint64_t base, bool& created);
    // Every staff and integration feed (non-chat events go to all of them).
    const std::vector<std::shared_ptr<Feed>>& staff() const { return staff_; }
    // Supervisors, admins and integrations see every chat: their feeds are candidates for
    // every chat event.
    const std::vector<std::shared_ptr<Feed>>& wide() const { return wide_; }
    void set_wide(const std::shared_ptr<Feed>& feed, bool wide);
    void expire(core::Timestamp now);
    std::size_t size() const { return by_actor_.size(); }

private:
    Limits limits_;
    std::unordered_map<std::string, std::shared_ptr<Feed>> by_actor_;
    std::vector<std::shared_ptr<Feed>> staff_;
    std::vector<std::shared_ptr<Feed>> wide_;
};

}  // namespace parley::engine
