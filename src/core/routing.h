// Routing inside decide(): who gets a queued chat (auto: assign; offer: offer; pick: nobody,
// it waits in the Queue list) and which waiting chats an agent with room receives.
// State does not yet show the events the command emitted before routing, so the Router keeps
// a small overlay of what changed (loads, presence, waiting chats) and reads everything else
// from State's indexes: a decision is O(log n) in agents and chats. Internal to the core.
// Standard library only.
#pragma once

#include <map>
#include <optional>
#include <set>

#include "core/decide_context.h"

namespace parley::core {

class Router {
public:
    explicit Router(Context& context) : ctx_(context) {}

    // [SECTION] What the command already did
    void load_changed(const AgentId& agent, int delta);
    void presence_changed(const AgentId& agent, Presence presence);
    void capacity_changed(const AgentId& agent, int capacity);
    void member_added(const AgentId& agent, QueueId queue);
    void config_changed(QueueId queue, const QueueConfig& config);
    void passed(ChatId chat, const AgentId& agent);
    // The chat left its queue's waiting list (accepted, reassigned, closed).
    void left_queue(ChatId chat);

    // [SECTION] Routing
    // The chat (re)entered `queue` at `since`: assign or offer it by the queue's mode.
    void enqueue(ChatId chat, QueueId queue, Timestamp since);
    // The agent may have room: give it the oldest waiting chats of its auto and offer queues.
    void fill(const AgentId& agent);
    // Route the queue's waiting chats, oldest first, while someone can take them.
    void drain(QueueId queue);

private:
    struct AgentView {
        int load = 0;
        int capacity = 0;
        Timestamp idle_since = 0;
        Presence presence = Presence::offline;
        bool enabled = false;
        std::set<QueueId> queues;
    };

    AgentView& view(const AgentId& agent);
    static bool has_room(const AgentView& view);
    const QueueConfig& config(QueueId queue) const;
    bool is_passed(ChatId chat, const AgentId& agent) const;
    std::optional<AgentId> best_agent(QueueId queue, ChatId chat) const;
    std::optional<TimeKey> oldest_waiting(QueueId queue, const AgentId& agent) const;
    void give(ChatId chat, QueueId queue, const AgentId& agent);

    Context& ctx_;
    std::map<AgentId, AgentView> views_;
    std::map<QueueId, QueueConfig> configs_;
    std::map<ChatId, std::set<AgentId>> passed_;
    std::set<ChatId> gone_;
    std::map<QueueId, std::set<TimeKey>> added_;
};

}  // namespace parley::core
