// State: the fold of all events. Entities plus counters for the ids decide() hands out, the
// processed command ids, and indexes (derived, rebuilt by rebuild_indexes) that keep routing
// and accept at O(log n). Only apply() changes a State. Standard library only.
#pragma once

#include <compare>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/command_ids.h"
#include "core/ids.h"
#include "core/model.h"

namespace parley::core {

// Orders a queue's available agents: least load, then idle longest, then id.
struct RoutingKey {
    int load = 0;
    Timestamp idle_since = 0;
    AgentId agent;
    bool operator==(const RoutingKey&) const = default;
    // Spelled out: the wasm build's libc++ has no operator<=> for std::string.
    bool operator<(const RoutingKey& other) const {
        return std::tie(load, idle_since, agent) <
               std::tie(other.load, other.idle_since, other.agent);
    }
};

// Orders waiting chats and timers: earliest time first, then chat id.
struct TimeKey {
    Timestamp at = 0;
    ChatId chat;
    bool operator==(const TimeKey&) const = default;
    // Spelled out: the wasm build's libc++ has no operator<=> for std::string.
    bool operator<(const TimeKey& other) const {
        return std::tie(at, chat) < std::tie(other.at, other.chat);
    }
};

// What an agent holds; load() counts toward capacity.
struct AgentChats {
    std::set<ChatId> active;
    std::set<ChatId> offered;
    // Chats waiting in this agent's Transferred list.
    std::set<ChatId> transfers_in;
    // The key under which the agent is listed in its queues' `available` sets, if it is.
    std::optional<RoutingKey> listed;
    int load() const { return static_cast<int>(active.size() + offered.size()); }
    bool operator==(const AgentChats&) const = default;
};

// The floor's figures of one UTC day's chats created in a queue (core::analytics's
// definitions), for the live chats only.
struct DayFigures {
    std::uint64_t started = 0;
    std::uint64_t abandoned = 0;
    bool operator==(const DayFigures&) const = default;
};

struct QueueIndex {
    // Online, enabled members with load < capacity.
    std::set<RoutingKey> available;
    // Queued chats, FIFO by queued_since.
    std::set<TimeKey> waiting;
    // Chats offered to an agent, by queued_since: with `waiting`, what the floor counts as
    // waiting, oldest first, without walking the chats.
    std::set<TimeKey> offered;
    // Held by an agent, or on its way to one by transfer.
    std::uint64_t active = 0;
    // By the day (its midnight UTC) the chats were created; days without live chats dropped.
    std::map<Timestamp, DayFigures> days;
    // Active chats waiting on the customer: keyed by awaiting_customer_since.
    std::set<TimeKey> to_remind;
    std::set<TimeKey> to_auto_close;
    // History for wait estimates: chats that got an agent, and their total wait.
    std::uint64_t assigned_count = 0;
    Duration total_wait = 0;
    bool operator==(const QueueIndex&) const = default;
};

// Derived from the entities; equal States have equal indexes.
struct Indexes {
    std::map<AgentId, AgentChats> agent_chats;
    // By QueueId - 1.
    std::vector<QueueIndex> queues;
    std::set<TimeKey> offer_deadlines;
    std::set<TimeKey> transfer_deadlines;
    // Closed, not yet archived chats by closed_at.
    std::set<TimeKey> closed;
    // Chats whose agent asked for a supervisor who has not joined yet, by the request's time.
    std::set<TimeKey> supervisor_requests;
    // Each customer's live chats in the order they started, which is the State's order.
    std::map<CustomerId, std::vector<ChatId>> customer_chats;
    // Where each chat sits in State::chats.
    std::unordered_map<ChatId, std::size_t> chat_positions;
    // Slots of State::chats vacated by archiving, not yet compacted away.
    std::size_t vacated = 0;
    bool operator==(const Indexes&) const = default;
};

struct State {
    Settings settings;
    // By QueueId - 1; queues are disabled, never removed. Starts with the General queue.
    std::vector<Queue> queues;
    std::map<AgentId, Agent> agents;
    std::map<CustomerId, Customer> customers;
    // The live chats in the order they started: open ones and those closed within the
    // retention (archived chats are read from the store). An archived chat leaves a vacated
    // slot (see vacated()) until half the slots are, then they are compacted away at once:
    // removing each from the middle would cost as much as the chats after it. A replica holds
    // only the chats its actor may see.
    std::vector<Chat> chats;
    // By TicketId - 1.
    std::vector<Ticket> tickets;
    std::map<CannedResponseId, CannedResponse> canned_responses;
    MessageId next_message_id = 1;
    NoteId next_note_id = 1;
    CannedResponseId next_canned_response_id = 1;
    // Ids of commands that produced events, in the order first seen.
    CommandIdSet processed_commands;
    Indexes index;

    State();
    bool operator==(const State&) const = default;

    TicketId next_ticket_id() const { return tickets.size() + 1; }
    QueueId next_queue_id() const { return queues.size() + 1; }

    const Chat* find_chat(const ChatId& id) const;
    Chat* find_chat(const ChatId& id);
    const Queue* find_queue(QueueId id) const;
    Queue* find_queue(QueueId id);
    const Agent* find_agent(const AgentId& id) const;
    Agent* find_agent(const AgentId& id);
    const Ticket* find_ticket(TicketId id) const;
    // Always present for known agents (possibly empty).
    const AgentChats& chats_of(const AgentId& id) const;
    const QueueIndex& queue_index(QueueId id) const;
};

// A slot of State::chats an archived chat left: every walk over the chats skips it.
inline bool vacated(const Chat& chat) {
    return chat.id.empty();
}

// Drops the vacated slots and places the chats again.
void compact_chats(State& state);

// Forgets the customer once the State holds none of their chats, unless an integration gave
// them a profile: customers follow the live chats, not the age of the history.
void forget_customer_without_chats(State& state, const CustomerId& customer);

// Recomputes every index from the entities (after loading a snapshot, and to check them).
void rebuild_indexes(State& state);

// Removes the archived chats a State saved before archiving evicted them still holds, with the
// customers only they named, as apply() would have; the indexes are rebuilt.
void drop_archived_chats(State& state);

}  // namespace parley::core
