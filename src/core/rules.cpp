// Transfer candidates (seed 003's company filter table). Standard library only.
#include "core/rules.h"

#include <algorithm>

namespace parley::core {

bool is_transfer_candidate(const State& state, const Chat& chat, const Agent& target) {
    if (!target.enabled || target.presence != Presence::online)
        return false;
    if (chat.assignee == target.id)
        return false;
    if (chat.pending_transfer && chat.pending_transfer->from == target.id)
        return false;
    const Queue* queue = state.find_queue(chat.queue);
    if (!queue)
        return false;
    if (!queue->general && !queue->members.contains(target.id))
        return false;
    if (!state.settings.company_filter)
        return true;
    auto customer = state.customers.find(chat.customer);
    const std::string& company =
        customer == state.customers.end() ? std::string() : customer->second.company;
    return target.profile.company == company;
}

std::vector<AgentId> transfer_candidate_agents(const State& state, const Chat& chat) {
    std::vector<AgentId> out;
    const Queue* queue = state.find_queue(chat.queue);
    if (!queue)
        return out;
    auto consider = [&](const Agent& agent) {
        if (is_transfer_candidate(state, chat, agent))
            out.push_back(agent.id);
    };
    if (queue->general) {
        for (const auto& [id, agent] : state.agents)
            consider(agent);
    } else {
        for (const AgentId& id : queue->members) {
            if (const Agent* agent = state.find_agent(id))
                consider(*agent);
        }
    }
    return out;
}

std::vector<QueueId> transfer_candidate_queues(const State& state, const Chat& chat) {
    std::vector<QueueId> out;
    for (const Queue& queue : state.queues) {
        if (queue.id != chat.queue && queue.enabled && queue.config.accepts_transfers) {
            out.push_back(queue.id);
        }
    }
    return out;
}

bool is_valid_chat_id(const ChatId& chat) {
    constexpr std::size_t kLongest = 64;
    return !chat.empty() && chat.size() <= kLongest &&
           std::all_of(chat.begin(), chat.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '_' || c == '-';
           });
}

}  // namespace parley::core
