// Per-actor feeds with a bounded memory of recent messages.
#include "engine/feeds.h"

#include <algorithm>

namespace parley::engine {
namespace {

std::string key_of(const core::Actor& actor) {
    switch (actor.kind) {
    case core::ActorKind::customer:
        return "c:" + actor.id;
    case core::ActorKind::agent:
        return "a:" + actor.id;
    case core::ActorKind::integration:
        return "i:" + actor.id;
    case core::ActorKind::system:
        return "s:";
    }
    return "?";
}

}  // namespace

Feed::Feed(core::Actor actor, std::uint64_t base, std::size_t max_recent)
    : actor_(std::move(actor)), base_(base), max_recent_(max_recent) {}

void Feed::push(std::uint64_t seq, const Message& message) {
    recent_.push_back({seq, message});
    while (recent_.size() > max_recent_) {
        base_ = recent_.front().seq;
        recent_.pop_front();
    }
    send(message);
}

void Feed::send(const Message& message) {
    for (const auto& subscriber : subscribers_) {
        subscriber->deliver(message);
    }
}

void Feed::resume(const std::shared_ptr<Subscriber>& subscriber, std::uint64_t seq) {
    const auto first = std::upper_bound(
        recent_.begin(), recent_.end(), seq,
        [](std::uint64_t value, const FeedEntry& entry) { return value < entry.seq; });
    for (auto entry = first; entry != recent_.end(); ++entry) {
        subscriber->deliver(entry->message);
    }
    attach(subscriber);
}

void Feed::attach(const std::shared_ptr<Subscriber>& subscriber) {
    subscribers_.push_back(subscriber);
}

void Feed::detach(const Subscriber* subscriber, core::Timestamp now) {
    std::erase_if(subscribers_, [&](const auto& held) { return held.get() == subscriber; });
    if (subscribers_.empty()) {
        idle_since_ = now;
    }
}

bool Feed::idle_since_before(core::Timestamp cutoff) const {
    return subscribers_.empty() && idle_since_ < cutoff;
}

std::shared_ptr<Feed> Feeds::find(const core::Actor& actor) const {
    const auto found = by_actor_.find(key_of(actor));
    return found == by_actor_.end() ? nullptr : found->second;
}

std::shared_ptr<Feed> Feeds::open(const core::Actor& actor, std::uint64_t base, bool& created) {
    auto& slot = by_actor_[key_of(actor)];
    created = !slot;
    if (created) {
        slot = std::make_shared<Feed>(actor, base, limits_.max_recent);
        if (actor.kind != core::ActorKind::customer) {
            staff_.push_back(slot);
        }
    }
    return slot;
}

void Feeds::set_wide(const std::shared_ptr<Feed>& feed, bool wide) {
    if (feed->wide_ == wide) {
        return;
    }
    feed->wide_ = wide;
    if (wide) {
        wide_.push_back(feed);
    } else {
        std::erase(wide_, feed);
    }
}

void Feeds::expire(core::Timestamp now) {
    const core::Timestamp cutoff = now - limits_.keep_idle;
    std::erase_if(by_actor_,
                  [&](const auto& entry) { return entry.second->idle_since_before(cutoff); });
    const auto expired = [&](const auto& feed) { return feed->idle_since_before(cutoff); };
    std::erase_if(staff_, expired);
    std::erase_if(wide_, expired);
}

}  // namespace parley::engine
