// Index maintenance: every entry of Indexes is a function of one chat or one agent, so apply()
// removes a chat's entries, changes it, and adds them back. Standard library only.
#include "core/indexing.h"

#include "core/analytics.h"

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

// The request a supervisor has not answered by joining, keyed by when it was made.
std::optional<TimeKey> supervisor_request_of(const Chat& chat) {
    if (!chat.supervisor_requested || !chat.participants.empty() ||
        chat.status == ChatStatus::closed || chat.status == ChatStatus::archived)
        return std::nullopt;
    for (auto entry = chat.activity.rbegin(); entry != chat.activity.rend(); ++entry) {
        if (entry->kind == ActivityKind::supervisor_requested)
            return TimeKey{entry->at, chat.id};
    }
    return TimeKey{chat.created_at, chat.id};
}

// Adds the chat's part to (+1) or takes it from (-1) the floor's figures that do not follow
// its status alone: an unanswered supervisor request, and its creation day's counts.
void count_on_floor(State& state, QueueIndex* queue, const Chat& chat, int sign) {
    if (const auto request = supervisor_request_of(chat)) {
        if (sign > 0)
            state.index.supervisor_requests.insert(*request);
        else
            state.index.supervisor_requests.erase(*request);
    }
    if (!queue)
        return;
    const auto step = static_cast<std::uint64_t>(static_cast<std::int64_t>(sign));
    const Timestamp day = chat.created_at - chat.created_at % kDay;
    DayFigures& figures = queue->days[day];
    figures.started += step;
    if (abandoned_by_customer(chat))
        figures.abandoned += step;
    if (figures.started == 0)
        queue->days.erase(day);
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
        if (queue)
            queue->offered.erase({chat.queued_since, chat.id});
        if (chat.offer) {
            ix.offer_deadlines.erase({chat.offer->deadline, chat.id});
            ix.agent_chats[chat.offer->agent].offered.erase(chat.id);
        }
        break;
    case ChatStatus::active:
        if (queue)
            queue->active -= 1;
        if (chat.assignee)
            ix.agent_chats[*chat.assignee].active.erase(chat.id);
        unindex_awaiting(state, chat);
        break;
    case ChatStatus::pending_transfer:
        if (queue)
            queue->active -= 1;
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
    count_on_floor(state, queue, chat, -1);
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
        if (queue)
            queue->offered.insert({chat.queued_since, chat.id});
        if (chat.offer) {
            ix.offer_deadlines.insert({chat.offer->deadline, chat.id});
            ix.agent_chats[chat.offer->agent].offered.insert(chat.id);
        }
        break;
    case ChatStatus::active:
        if (queue)
            queue->active += 1;
        if (chat.assignee)
            ix.agent_chats[*chat.assignee].active.insert(chat.id);
        index_awaiting(state, chat);
        break;
    case ChatStatus::pending_transfer:
        if (queue)
            queue->active += 1;
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
    count_on_floor(state, queue, chat, +1);
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
