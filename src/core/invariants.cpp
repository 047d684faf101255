// Invariant checks. Standard library only.
#include "core/invariants.h"

#include <algorithm>

#include "core/names.h"

namespace parley::core {
namespace {

std::string about(const Chat& chat) {
    return "chat " + chat.id + ": ";
}

void check_chat(const State& state, const Chat& chat, std::vector<std::string>& out) {
    const bool active = chat.status == ChatStatus::active;
    if (chat.assignee.has_value() != active) {
        out.push_back(about(chat) + "has an assignee exactly when active, but is " +
                      std::string(to_string(chat.status)));
    }
    if (chat.offer.has_value() != (chat.status == ChatStatus::offered)) {
        out.push_back(about(chat) + "offer does not match status");
    }
    if (chat.pending_transfer.has_value() != (chat.status == ChatStatus::pending_transfer)) {
        out.push_back(about(chat) + "pending transfer does not match status");
    }
    const bool ended = chat.status == ChatStatus::closed || chat.status == ChatStatus::archived;
    if (ended != (chat.resolution.has_value() && chat.closed_at.has_value())) {
        out.push_back(about(chat) + "resolution does not match status");
    }
    if (chat.assignee && !state.find_agent(*chat.assignee)) {
        out.push_back(about(chat) + "assignee does not exist");
    }
    if (!state.find_queue(chat.queue))
        out.push_back(about(chat) + "queue does not exist");
    MessageId previous = 0;
    for (const Message& message : chat.messages) {
        if (message.id <= previous || message.id >= state.next_message_id) {
            out.push_back(about(chat) + "message ids out of order");
            break;
        }
        previous = message.id;
    }
    NoteId previous_note = 0;
    for (const Note& note : chat.notes) {
        if (note.id <= previous_note || note.id >= state.next_note_id) {
            out.push_back(about(chat) + "note ids out of order");
            break;
        }
        previous_note = note.id;
    }
    if (chat.ticket) {
        const Ticket* ticket = state.find_ticket(*chat.ticket);
        const bool linked =
            ticket && (ticket->chat == chat.id ||
                       std::find(ticket->linked_chats.begin(), ticket->linked_chats.end(),
                                 chat.id) != ticket->linked_chats.end());
        if (!linked)
            out.push_back(about(chat) + "ticket link broken");
    }
}

}  // namespace

std::vector<std::string> check_state(const State& state) {
    std::vector<std::string> out;
    for (const Chat& chat : state.chats) {
        if (vacated(chat))
            continue;
        if (state.find_chat(chat.id) != &chat)
            out.push_back("chat " + chat.id + ": id not unique");
        check_chat(state, chat, out);
    }
    for (const Queue& queue : state.queues) {
        for (const AgentId& member : queue.members) {
            const Agent* agent = state.find_agent(member);
            if (!agent || !agent->queues.contains(queue.id)) {
                out.push_back("queue " + std::to_string(queue.id) + ": membership mismatch");
            }
        }
    }
    State rebuilt = state;
    rebuild_indexes(rebuilt);
    if (!(rebuilt.index == state.index))
        out.push_back("indexes differ from a rebuild");
    return out;
}

std::vector<std::string> check_event(const State& before, const EventEnvelope& event) {
    std::vector<std::string> out;
    const AgentId* agent = nullptr;
    if (const auto* assigned = std::get_if<ChatAssigned>(&event.event)) {
        const Chat* chat = before.find_chat(assigned->chat);
        const bool already_counted =
            chat && ((chat->offer && chat->offer->agent == assigned->agent) ||
                     chat->assignee == assigned->agent);
        if (assigned->reason != AssignReason::transfer_accepted && !already_counted) {
            agent = &assigned->agent;
        }
    } else if (const auto* offered = std::get_if<ChatOffered>(&event.event)) {
        agent = &offered->agent;
    }
    if (agent) {
        const Agent* account = before.find_agent(*agent);
        const int load = before.chats_of(*agent).load();
        if (!account || load >= account->capacity) {
            out.push_back("agent " + *agent + " given a chat at load " + std::to_string(load) +
                          " of capacity " + std::to_string(account ? account->capacity : 0));
        }
    }
    return out;
}

}  // namespace parley::core
