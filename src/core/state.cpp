// State's constructor (the General queue), lookups and the full index rebuild.
// Standard library only.
#include "core/state.h"

#include "core/indexing.h"

#include <set>

namespace parley::core {

State::State() {
    Queue general;
    general.id = kGeneralQueueId;
    general.config.name = "General";
    general.general = true;
    queues.push_back(std::move(general));
    index.queues.resize(1);
}

const Chat* State::find_chat(const ChatId& id) const {
    auto found = index.chat_positions.find(id);
    return found == index.chat_positions.end() ? nullptr : &chats[found->second];
}

Chat* State::find_chat(const ChatId& id) {
    auto found = index.chat_positions.find(id);
    return found == index.chat_positions.end() ? nullptr : &chats[found->second];
}

const Queue* State::find_queue(QueueId id) const {
    return id >= 1 && id <= queues.size() ? &queues[position_of(id)] : nullptr;
}

Queue* State::find_queue(QueueId id) {
    return id >= 1 && id <= queues.size() ? &queues[position_of(id)] : nullptr;
}

const Agent* State::find_agent(const AgentId& id) const {
    auto found = agents.find(id);
    return found == agents.end() ? nullptr : &found->second;
}

Agent* State::find_agent(const AgentId& id) {
    auto found = agents.find(id);
    return found == agents.end() ? nullptr : &found->second;
}

const Ticket* State::find_ticket(TicketId id) const {
    return id >= 1 && id <= tickets.size() ? &tickets[position_of(id)] : nullptr;
}

const AgentChats& State::chats_of(const AgentId& id) const {
    static const AgentChats kNone;
    auto found = index.agent_chats.find(id);
    return found == index.agent_chats.end() ? kNone : found->second;
}

const QueueIndex& State::queue_index(QueueId id) const {
    static const QueueIndex kNone;
    return id >= 1 && id <= index.queues.size() ? index.queues[position_of(id)] : kNone;
}

void rebuild_indexes(State& state) {
    state.index = Indexes{};
    state.index.queues.resize(state.queues.size());
    for (const auto& [id, agent] : state.agents)
        state.index.agent_chats[id];
    for (std::size_t at = 0; at < state.chats.size(); ++at) {
        const Chat& chat = state.chats[at];
        if (vacated(chat)) {
            ++state.index.vacated;
            continue;
        }
        state.index.chat_positions.emplace(chat.id, at);
        index_chat(state, chat);
        state.index.customer_chats[chat.customer].push_back(chat.id);
    }
    for (const auto& [id, agent] : state.agents)
        list_agent(state, id);
}

void compact_chats(State& state) {
    std::erase_if(state.chats, [](const Chat& chat) { return vacated(chat); });
    for (std::size_t at = 0; at < state.chats.size(); ++at)
        state.index.chat_positions[state.chats[at].id] = at;
    state.index.vacated = 0;
}

void forget_customer_without_chats(State& state, const CustomerId& customer) {
    if (state.index.customer_chats.contains(customer))
        return;
    const auto record = state.customers.find(customer);
    if (record != state.customers.end() && !record->second.profile)
        state.customers.erase(record);
}

void drop_archived_chats(State& state) {
    std::set<CustomerId> named;
    const auto dropped = std::erase_if(state.chats, [&](const Chat& chat) {
        if (chat.status != ChatStatus::archived)
            return vacated(chat);
        named.insert(chat.customer);
        return true;
    });
    if (dropped == 0)
        return;
    rebuild_indexes(state);
    for (const CustomerId& customer : named)
        forget_customer_without_chats(state, customer);
}

}  // namespace parley::core
