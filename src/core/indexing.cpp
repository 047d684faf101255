// Index maintenance: every entry of Indexes is a function of one chat or one agent, so apply()
// removes a chat's entries, changes it, and adds them back. Standard library only.
#include "core/indexing.h"

namespace parley::core {
namespace {

QueueIndex* queue_index_of(State& state, QueueId id) {
    if (id == 0 || id > state.index.queues.size())
        return nullptr;
    return &state.index.queues[position_of(id)];
}

Duration wait_of(const Chat& chat) {
    return *chat.accepted_at - chat.created_at;
}

}  // namespace

void unindex_awaiting(State& state, const Chat& chat) {
    QueueIndex* queue = queue_index_of(state, chat.queue);
    if (!queue || chat.status != ChatStatus::active || !chat.awaiting_customer_since)
        return;
    const TimeKey key{*chat.awaiting_customer_since, chat.id};
    queue->to_auto_close.erase(key);
    if (!chat.reminder_sent)
        queue->to_remind.erase(key);
}

void index_awaiting(State& state, const Chat& chat) {
    QueueIndex* queue = queue_index_of(state, chat.queue);
    if (!queue || chat.status != ChatStatus::active || !chat.awaiting_customer_since)
        return;
    const TimeKey key{*chat.awaiting_customer_since, chat.id};
    queue->to_auto_close.insert(key);
    if (!chat.reminder_sent)
        queue->to_remind.insert(key);
}

void unindex_chat(State& state, const Chat& chat) {
    Indexes& ix = state.index;
    QueueIndex* queue = queue_index_of(state, chat.queue);
    switch (chat.status) {
    case ChatStatus::queued:
        if (queue)
            queue->waiting.erase({chat.queued_since, chat.id});
        break;
    case ChatStatus::offered:
        if (chat.offer) {
            ix.offer_deadlines.erase({chat.offer->deadline, chat.id});
            ix.agent_chats[chat.offer->agent].offered.erase(chat.id);
        }
        break;
    case ChatStatus::active:
        if (chat.assignee)
            ix.agent_chats[*chat.assignee].active.erase(chat.id);
        unindex_awaiting(state, chat);
        break;
    case ChatStatus::pending_transfer:
        if (chat.pending_transfer) {
            ix.transfer_deadlines.erase({chat.pending_transfer->deadline, chat.id});
            ix.agent_chats[chat.pending_transfer->to].transfers_in.erase(chat.id);
        }
        break;
    case ChatStatus::closed:
        if (chat.closed_at)
            ix.closed.erase({*chat.closed_at, chat.id});
        break;
    case ChatStatus::archived:
        break;
    }
    if (queue && chat.accepted_at) {
        queue->assigned_count -= 1;
        queue->total_wait -= wait_of(chat);
    }
}

void index_chat(State& state, const Chat& chat) {
    Indexes& ix = state.index;
    QueueIndex* queue = queue_index_of(state, chat.queue);
    switch (chat.status) {
    case ChatStatus::queued:
        if (queue)
            queue->waiting.insert({chat.queued_since, chat.id});
        break;
    case ChatStatus::offered:
        if (chat.offer) {
            ix.offer_deadlines.insert({chat.offer->deadline, chat.id});
            ix.agent_chats[chat.offer->agent].offered.insert(chat.id);
        }
        break;
    case ChatStatus::active:
        if (chat.assignee)
            ix.agent_chats[*chat.assignee].active.insert(chat.id);
        index_awaiting(state, chat);
        break;
    case ChatStatus::pending_transfer:
        if (chat.pending_transfer) {
            ix.transfer_deadlines.insert({chat.pending_transfer->deadline, chat.id});
            ix.agent_chats[chat.pending_transfer->to].transfers_in.insert(chat.id);
        }
        break;
    case ChatStatus::closed:
        if (chat.closed_at)
            ix.closed.insert({*chat.closed_at, chat.id});
        break;
    case ChatStatus::archived:
        break;
    }
    if (queue && chat.accepted_at) {
        queue->assigned_count += 1;
        queue->total_wait += wait_of(chat);
    }
}

void unlist_agent(State& state, const AgentId& id) {
    auto found = state.index.agent_chats.find(id);
    if (found == state.index.agent_chats.end() || !found->second.listed)
        return;
    const Agent* agent = state.find_agent(id);
    if (agent) {
        for (QueueId q : agent->queues) {
            if (QueueIndex* queue = queue_index_of(state, q)) {
                queue->available.erase(*found->second.listed);
            }
        }
    }
    found->second.listed.reset();
}

void list_agent(State& state, const AgentId& id) {
    const Agent* agent = state.find_agent(id);
    if (!agent)
        return;
    AgentChats& chats = state.index.agent_chats[id];
    if (chats.listed)
        return;
    const bool eligible =
        agent->enabled && agent->presence == Presence::online && chats.load() < agent->capacity;
    if (!eligible)
        return;
    RoutingKey key{chats.load(), agent->idle_since, id};
    for (QueueId q : agent->queues) {
        if (QueueIndex* queue = queue_index_of(state, q))
            queue->available.insert(key);
    }
    chats.listed = std::move(key);
}

}  // namespace parley::core
