// Router: least load, ties to the longest idle, then agent id; waiting chats FIFO by
// (queued since, chat id); an agent who passed a chat never gets it from routing again.
// Standard library only.
#include "core/routing.h"

namespace parley::core {

Router::AgentView& Router::view(const AgentId& agent) {
    auto found = views_.find(agent);
    if (found != views_.end())
        return found->second;
    AgentView fresh;
    if (const Agent* account = ctx_.state().find_agent(agent)) {
        fresh.load = ctx_.state().chats_of(agent).load();
        fresh.capacity = account->capacity;
        fresh.idle_since = account->idle_since;
        fresh.presence = account->presence;
        fresh.enabled = account->enabled;
        fresh.queues = account->queues;
    }
    return views_.emplace(agent, std::move(fresh)).first->second;
}

bool Router::has_room(const AgentView& view) {
    return view.enabled && view.presence == Presence::online && view.load < view.capacity;
}

const QueueConfig& Router::config(QueueId queue) const {
    auto found = configs_.find(queue);
    if (found != configs_.end())
        return found->second;
    static const QueueConfig kNone;
    const Queue* known = ctx_.state().find_queue(queue);
    return known ? known->config : kNone;
}

bool Router::is_passed(ChatId chat, const AgentId& agent) const {
    const Chat* known = ctx_.state().find_chat(chat);
    if (known && known->passed_by.contains(agent))
        return true;
    auto found = passed_.find(chat);
    return found != passed_.end() && found->second.contains(agent);
}

void Router::load_changed(const AgentId& agent, int delta) {
    view(agent).load += delta;
}

void Router::presence_changed(const AgentId& agent, Presence presence) {
    AgentView& v = view(agent);
    if (presence == Presence::online && v.presence != Presence::online) {
        v.idle_since = ctx_.at();
    }
    v.presence = presence;
}

void Router::capacity_changed(const AgentId& agent, int capacity) {
    view(agent).capacity = capacity;
}

void Router::member_added(const AgentId& agent, QueueId queue) {
    view(agent).queues.insert(queue);
}

void Router::config_changed(QueueId queue, const QueueConfig& config) {
    configs_[queue] = config;
}

void Router::passed(ChatId chat, const AgentId& agent) {
    passed_[chat].insert(agent);
}

void Router::left_queue(ChatId chat) {
    gone_.insert(chat);
}

std::optional<AgentId> Router::best_agent(QueueId queue, ChatId chat) const {
    std::optional<RoutingKey> best;
    // Agents without an overlay are listed under their true key; the first one that never
    // passed the chat is the best of them.
    for (const RoutingKey& key : ctx_.state().queue_index(queue).available) {
        if (views_.contains(key.agent) || is_passed(chat, key.agent))
            continue;
        best = key;
        break;
    }
    for (const auto& [agent, v] : views_) {
        if (!has_room(v) || !v.queues.contains(queue) || is_passed(chat, agent))
            continue;
        RoutingKey key{v.load, v.idle_since, agent};
        if (!best || key < *best)
            best = std::move(key);
    }
    if (!best)
        return std::nullopt;
    return best->agent;
}

std::optional<TimeKey> Router::oldest_waiting(QueueId queue, const AgentId& agent) const {
    std::optional<TimeKey> oldest;
    for (const TimeKey& key : ctx_.state().queue_index(queue).waiting) {
        if (gone_.contains(key.chat) || is_passed(key.chat, agent))
            continue;
        oldest = key;
        break;
    }
    auto added = added_.find(queue);
    if (added != added_.end()) {
        for (const TimeKey& key : added->second) {
            if (is_passed(key.chat, agent))
                continue;
            if (!oldest || key < *oldest)
                oldest = key;
            break;
        }
    }
    return oldest;
}

void Router::give(ChatId chat, QueueId queue, const AgentId& agent) {
    const QueueConfig& settings = config(queue);
    if (settings.mode == RoutingMode::automatic) {
        ctx_.emit_as_system(ChatAssigned{chat, agent, AssignReason::routed});
        view(agent).idle_since = ctx_.at();
    } else {
        ctx_.emit_as_system(ChatOffered{chat, agent, ctx_.at() + settings.offer_timeout});
    }
    view(agent).load += 1;
    gone_.insert(chat);
    auto added = added_.find(queue);
    if (added != added_.end()) {
        std::erase_if(added->second, [&](const TimeKey& key) { return key.chat == chat; });
    }
}

void Router::enqueue(ChatId chat, QueueId queue, Timestamp since) {
    gone_.erase(chat);
    added_[queue].insert({since, chat});
    if (config(queue).mode == RoutingMode::pick)
        return;
    if (auto agent = best_agent(queue, chat))
        give(chat, queue, *agent);
}

void Router::fill(const AgentId& agent) {
    while (has_room(view(agent))) {
        std::optional<std::pair<TimeKey, QueueId>> next;
        for (QueueId queue : view(agent).queues) {
            if (config(queue).mode == RoutingMode::pick)
                continue;
            auto oldest = oldest_waiting(queue, agent);
            if (oldest && (!next || *oldest < next->first))
                next = {{*oldest, queue}};
        }
        if (!next)
            return;
        give(next->first.chat, next->second, agent);
    }
}

void Router::drain(QueueId queue) {
    if (config(queue).mode == RoutingMode::pick)
        return;
    std::vector<TimeKey> waiting;
    for (const TimeKey& key : ctx_.state().queue_index(queue).waiting) {
        if (!gone_.contains(key.chat))
            waiting.push_back(key);
    }
    for (const TimeKey& key : waiting) {
        if (auto agent = best_agent(queue, key.chat))
            give(key.chat, queue, *agent);
    }
}

}  // namespace parley::core
