// apply(): folds events into State, one handler per event type. Every chat change goes
// through change_chat() so the indexes follow; every agent change through change_agent().
// Trusts decide(): an event naming something unknown changes nothing. Standard library only.
//
// [SECTION] Index-keeping helpers
// [SECTION] Chat life
// [SECTION] Routing and assignment
// [SECTION] Ending chats and escalation
// [SECTION] Agents, queues, organisation
// [SECTION] Entry points
#include "core/apply.h"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include "core/indexing.h"

namespace parley::core {
namespace {

// [SECTION] Index-keeping helpers

// The agents whose load or lists a chat change may move: its holders before and after.
struct Touched {
    std::array<AgentId, 6> agents;
    std::size_t count = 0;
    void add(const Chat& chat) {
        if (chat.assignee)
            agents[count++] = *chat.assignee;
        if (chat.offer)
            agents[count++] = chat.offer->agent;
        if (chat.pending_transfer)
            agents[count++] = chat.pending_transfer->to;
    }
};

template <typename F>
void change_chat(State& state, ChatId id, F&& change) {
    Chat* chat = state.find_chat(id);
    if (!chat)
        return;
    Touched touched;
    touched.add(*chat);
    unindex_chat(state, *chat);
    change(*chat);
    index_chat(state, *chat);
    touched.add(*chat);
    for (std::size_t i = 0; i < touched.count; ++i)
        unlist_agent(state, touched.agents[i]);
    for (std::size_t i = 0; i < touched.count; ++i)
        list_agent(state, touched.agents[i]);
}

template <typename F>
void change_agent(State& state, const AgentId& id, F&& change) {
    Agent* agent = state.find_agent(id);
    if (!agent)
        return;
    unlist_agent(state, id);
    change(*agent);
    list_agent(state, id);
}

// Moves a timer key, reusing its node: an agent message re-arms both timers, and posting is
// the hottest path of all.
void move_key(std::set<TimeKey>& keys, std::optional<TimeKey> from, std::optional<TimeKey> to) {
    if (from == to)
        return;
    std::set<TimeKey>::node_type node;
    if (from)
        node = keys.extract(*from);
    if (!to)
        return;
    if (node) {
        node.value() = *to;
        keys.insert(std::move(node));
    } else {
        keys.insert(*to);
    }
}

// Sets awaiting_customer_since (a new agent message also re-arms the reminder).
void set_awaiting(State& state, Chat& chat, std::optional<Timestamp> since) {
    if (chat.awaiting_customer_since == since && !chat.reminder_sent)
        return;
    const bool timed = chat.status == ChatStatus::active && chat.queue >= 1 &&
                       chat.queue <= state.index.queues.size();
    QueueIndex* queue = timed ? &state.index.queues[position_of(chat.queue)] : nullptr;
    auto key = [&](bool listed) -> std::optional<TimeKey> {
        if (!queue || !listed || !chat.awaiting_customer_since)
            return std::nullopt;
        return TimeKey{*chat.awaiting_customer_since, chat.id};
    };
    const auto old_close = key(true);
    const auto old_remind = key(!chat.reminder_sent);
    chat.awaiting_customer_since = since;
    chat.reminder_sent = false;
    if (queue) {
        move_key(queue->to_auto_close, old_close, key(true));
        move_key(queue->to_remind, old_remind, key(true));
    }
}

void leave_holder(Chat& chat) {
    chat.assignee.reset();
    chat.assigned_via_transfer = false;
    chat.offer.reset();
    chat.pending_transfer.reset();
    chat.awaiting_customer_since.reset();
    chat.reminder_sent = false;
    chat.staff_typing = false;
}

void requeue(Chat& chat, Timestamp at) {
    leave_holder(chat);
    chat.status = ChatStatus::queued;
    chat.queued_since = at;
}

Activity activity_of(ActivityKind kind, const AgentId& agent, const std::string& note = {}) {
    Activity activity;
    activity.kind = kind;
    activity.agent = agent;
    activity.note = note;
    return activity;
}

void record(Chat& chat, const EventEnvelope& e, Activity activity) {
    activity.at = e.at;
    activity.by = e.actor.id;
    activity.messages_before = chat.messages.size();
    chat.activity.push_back(std::move(activity));
}

bool written_by(const Message& message, Side side) {
    return side == Side::customer ? message.author.kind == AuthorKind::customer
                                  : message.author.kind != AuthorKind::customer;
}

// Marks the other side's messages up to `up_to` as at least `reached`. Receipts are
// cumulative, so the walk stops at the first message that already got there.
void mark(Chat& chat, Side reader, MessageId up_to, MessageState reached) {
    const Side writer = reader == Side::customer ? Side::staff : Side::customer;
    for (auto it = chat.messages.rbegin(); it != chat.messages.rend(); ++it) {
        if (it->id > up_to || !written_by(*it, writer))
            continue;
        if (it->state >= reached)
            break;
        it->state = reached;
    }
}

// [SECTION] Chat life

void on(State& state, const EventEnvelope& e, const ChatStarted& ev) {
    if (state.find_chat(ev.chat))
        return;
    // The profile belongs to the integrations (CustomerProfileSet), not to whoever starts a chat.
    Customer& customer = state.customers[ev.customer.id];
    std::optional<CustomerProfile> profile = std::move(customer.profile);
    customer = ev.customer;
    customer.profile = std::move(profile);
    Chat chat;
    chat.id = ev.chat;
    chat.customer = ev.customer.id;
    chat.channel = ev.channel;
    chat.queue = state.find_queue(ev.queue) ? ev.queue : kGeneralQueueId;
    chat.status = ChatStatus::queued;
    chat.bot_context = ev.bot_context;
    chat.created_at = e.at;
    chat.queued_since = e.at;
    state.index.chat_positions.emplace(ev.chat, state.chats.size());
    state.chats.push_back(std::move(chat));
    index_chat(state, state.chats.back());
    state.index.customer_chats[ev.customer.id].push_back(ev.chat);
}

// Takes the event by value so apply(State&, EventEnvelope&&) can move the text in.
void post(State& state, Timestamp at, MessagePosted ev) {
    state.next_message_id = std::max(state.next_message_id, ev.message + 1);
    Chat* chat = state.find_chat(ev.chat);
    if (!chat)
        return;
    chat->messages.push_back(Message{ev.message, ev.author, std::move(ev.text),
                                     std::move(ev.attachments), MessageState::sent, at});
    // Messages change no load and no status, only the inactivity timers, so they skip
    // change_chat(): posting is the hottest path of all.
    if (ev.author.kind == AuthorKind::customer) {
        chat->customer_typing = false;
        set_awaiting(state, *chat, std::nullopt);
    } else if (ev.author.kind == AuthorKind::agent) {
        if (!chat->first_response_at) {
            chat->first_response_at = at;
            chat->first_responder = ev.author.id;
        }
        chat->staff_typing = false;
        set_awaiting(state, *chat, at);
    }
}

void on(State& state, const EventEnvelope& e, const MessagePosted& ev) {
    post(state, e.at, ev);
}

void on(State& state, const EventEnvelope&, const TypingChanged& ev) {
    if (Chat* chat = state.find_chat(ev.chat)) {
        (ev.side == Side::customer ? chat->customer_typing : chat->staff_typing) = ev.typing;
    }
}

void on(State& state, const EventEnvelope&, const MessagesDelivered& ev) {
    if (Chat* chat = state.find_chat(ev.chat)) {
        mark(*chat, ev.reader, ev.up_to, MessageState::delivered);
    }
}

void on(State& state, const EventEnvelope&, const MessagesRead& ev) {
    if (Chat* chat = state.find_chat(ev.chat))
        mark(*chat, ev.reader, ev.up_to, MessageState::read);
}

void on(State& state, const EventEnvelope& e, const NoteAdded& ev) {
    state.next_note_id = std::max(state.next_note_id, ev.note + 1);
    if (Chat* chat = state.find_chat(ev.chat)) {
        chat->notes.push_back(Note{ev.note, ev.author, ev.text, e.at});
    }
}

void on(State& state, const EventEnvelope&, const ChatTagsChanged& ev) {
    if (Chat* chat = state.find_chat(ev.chat))
        chat->tags = ev.tags;
}

// [SECTION] Routing and assignment

void on(State& state, const EventEnvelope&, const ChatOffered& ev) {
    change_chat(state, ev.chat, [&](Chat& chat) {
        chat.status = ChatStatus::offered;
        chat.offer = Offer{ev.agent, ev.deadline};
    });
}

void on(State& state, const EventEnvelope& e, const OfferRejected& ev) {
    change_chat(state, ev.chat, [&](Chat& chat) {
        chat.offer.reset();
        chat.status = ChatStatus::queued;
        chat.passed_by.insert(ev.agent);
        Activity rejected = activity_of(ActivityKind::offer_rejected, ev.agent, ev.reason);
        rejected.timed_out = ev.timed_out;
        record(chat, e, std::move(rejected));
    });
}

void on(State& state, const EventEnvelope& e, const ChatAssigned& ev) {
    if (Agent* agent = state.find_agent(ev.agent)) {
        unlist_agent(state, ev.agent);
        agent->idle_since = e.at;
    }
    change_chat(state, ev.chat, [&](Chat& chat) {
        const bool was_active = chat.status == ChatStatus::active;
        const auto awaiting = chat.awaiting_customer_since;
        const bool reminded = chat.reminder_sent;
        leave_holder(chat);
        if (was_active) {
            chat.awaiting_customer_since = awaiting;
            chat.reminder_sent = reminded;
        }
        chat.status = ChatStatus::active;
        chat.assignee = ev.agent;
        chat.assigned_via_transfer = ev.reason == AssignReason::transfer_accepted;
        chat.last_assignee = ev.agent;
        if (!chat.accepted_at)
            chat.accepted_at = e.at;
        Activity assigned = activity_of(ActivityKind::assigned, ev.agent);
        assigned.reason = ev.reason;
        record(chat, e, std::move(assigned));
    });
    list_agent(state, ev.agent);
}

void on(State& state, const EventEnvelope& e, const TransferRequested& ev) {
    change_chat(state, ev.chat, [&](Chat& chat) {
        leave_holder(chat);
        chat.status = ChatStatus::pending_transfer;
        chat.passed_by.insert(ev.from);
        chat.pending_transfer = PendingTransfer{ev.from, ev.to, ev.side_note, e.at, ev.deadline};
        record(chat, e, activity_of(ActivityKind::transfer_requested, ev.to, ev.side_note));
    });
}

void on(State& state, const EventEnvelope& e, const TransferDeclined& ev) {
    change_chat(state, ev.chat, [&](Chat& chat) {
        requeue(chat, e.at);
        chat.passed_by.insert(ev.agent);
        Activity declined = activity_of(ActivityKind::transfer_declined, ev.agent, ev.reason);
        declined.timed_out = ev.timed_out;
        record(chat, e, std::move(declined));
    });
}

void on(State& state, const EventEnvelope& e, const ChatMovedToQueue& ev) {
    if (!state.find_queue(ev.to))
        return;
    change_chat(state, ev.chat, [&](Chat& chat) {
        requeue(chat, e.at);
        chat.queue = ev.to;
        if (!ev.by.empty())
            chat.passed_by.insert(ev.by);
        Activity moved = activity_of(ActivityKind::moved_to_queue, {}, ev.side_note);
        moved.queue = ev.to;
        record(chat, e, std::move(moved));
    });
}

void on(State& state, const EventEnvelope& e, const ChatReleased& ev) {
    change_chat(state, ev.chat, [&](Chat& chat) {
        requeue(chat, e.at);
        chat.passed_by.insert(ev.agent);
        record(chat, e, activity_of(ActivityKind::released, ev.agent));
    });
}

// [SECTION] Ending chats and escalation

void on(State& state, const EventEnvelope& e, const ChatClosed& ev) {
    change_chat(state, ev.chat, [&](Chat& chat) {
        leave_holder(chat);
        chat.status = ChatStatus::closed;
        chat.closed_at = e.at;
        chat.customer_typing = false;
        chat.resolution = Resolution{ev.outcome, ev.category, ev.notes, e.actor.id};
    });
}

void on(State& state, const EventEnvelope&, const CustomerCancelled& ev) {
    if (Chat* chat = state.find_chat(ev.chat))
        chat->customer_cancelled = true;
}

void on(State& state, const EventEnvelope& e, const CsatSubmitted& ev) {
    if (Chat* chat = state.find_chat(ev.chat))
        chat->csat = Csat{ev.score, ev.comment, e.at};
}

// The archive is the store: the chat leaves the live State, and with it a customer who has no
// other chat and no profile of an integration's, so memory follows the open chats and not the
// age of the history.
void on(State& state, const EventEnvelope&, const ChatArchived& ev) {
    const auto found = state.index.chat_positions.find(ev.chat);
    if (found == state.index.chat_positions.end())
        return;
    Chat& chat = state.chats[found->second];
    unindex_chat(state, chat);
    const CustomerId customer = chat.customer;
    state.index.chat_positions.erase(found);
    chat = Chat{};
    if (++state.index.vacated * 2 > state.chats.size())
        compact_chats(state);
    auto chats = state.index.customer_chats.find(customer);
    if (chats != state.index.customer_chats.end()) {
        std::erase(chats->second, ev.chat);
        if (chats->second.empty())
            state.index.customer_chats.erase(chats);
    }
    forget_customer_without_chats(state, customer);
}

void on(State& state, const EventEnvelope&, const ReminderSent& ev) {
    if (Chat* chat = state.find_chat(ev.chat)) {
        unindex_awaiting(state, *chat);
        chat->reminder_sent = true;
        index_awaiting(state, *chat);
    }
}

void on(State& state, const EventEnvelope&, const TranscriptRequested& ev) {
    if (Chat* chat = state.find_chat(ev.chat)) {
        if (ev.address.empty())
            chat->transcript_to.reset();
        else
            chat->transcript_to = ev.address;
    }
}

void on(State& state, const EventEnvelope&, const EmailQueued& ev) {
    Chat* chat = state.find_chat(ev.chat);
    if (chat && ev.email.number == chat->emails.size() + 1)
        chat->emails.push_back(ev.email);
}

void on(State& state, const EventEnvelope& e, const EmailDelivered& ev) {
    Chat* chat = state.find_chat(ev.chat);
    if (!chat || ev.email == 0 || ev.email > chat->emails.size())
        return;
    Email& email = chat->emails[position_of(ev.email)];
    email.status = ev.status;
    email.detail = ev.detail;
    email.finished_at = e.at;
}

void on(State& state, const EventEnvelope& e, const TicketCreated& ev) {
    if (ev.ticket != state.next_ticket_id())
        return;
    Chat* chat = state.find_chat(ev.chat);
    if (!chat)
        return;
    chat->ticket = ev.ticket;
    state.tickets.push_back(Ticket{ev.ticket, ev.kind, ev.summary, ev.priority, TicketStatus::open,
                                   ev.chat, e.actor.id, e.at});
}

void on(State& state, const EventEnvelope&, const TicketStatusChanged& ev) {
    if (ev.ticket >= 1 && ev.ticket <= state.tickets.size()) {
        Ticket& ticket = state.tickets[position_of(ev.ticket)];
        ticket.status = ev.status;
        if (ev.reference)
            ticket.reference = ev.reference;
    }
}

void on(State& state, const EventEnvelope&, const TicketLinked& ev) {
    const TicketId id = ev.ticket.id;
    Chat* chat = state.find_chat(ev.chat);
    if (!chat || id < 1 || id > state.tickets.size())
        return;
    chat->ticket = id;
    state.tickets[position_of(id)] = ev.ticket;
}

void on(State& state, const EventEnvelope&, const CustomerProfileSet& ev) {
    Customer& customer = state.customers[ev.customer];
    customer.id = ev.customer;
    customer.profile = ev.profile;
}

// Both through change_chat: an unanswered request is on the floor's index.
void on(State& state, const EventEnvelope& e, const SupervisorRequested& ev) {
    change_chat(state, ev.chat, [&](Chat& chat) {
        chat.supervisor_requested = true;
        record(chat, e, activity_of(ActivityKind::supervisor_requested, ev.agent, ev.reason));
    });
}

void on(State& state, const EventEnvelope& e, const SupervisorJoined& ev) {
    change_chat(state, ev.chat, [&](Chat& chat) {
        auto& people = chat.participants;
        if (std::find(people.begin(), people.end(), ev.supervisor) == people.end()) {
            people.push_back(ev.supervisor);
            record(chat, e, activity_of(ActivityKind::supervisor_joined, ev.supervisor));
        }
    });
}

// [SECTION] Agents, queues, organisation

void on(State& state, const EventEnvelope& e, const PresenceChanged& ev) {
    change_agent(state, ev.agent, [&](Agent& agent) {
        if (ev.presence == Presence::online && agent.presence != Presence::online) {
            agent.idle_since = e.at;
        }
        if (ev.presence != agent.presence) {
            agent.presence_since = e.at;
        }
        agent.presence = ev.presence;
    });
}

void on(State& state, const EventEnvelope&, const CapacityChanged& ev) {
    change_agent(state, ev.agent, [&](Agent& agent) { agent.capacity = ev.capacity; });
}

void on(State& state, const EventEnvelope& e, const AgentCreated& ev) {
    if (ev.agent.empty() || state.agents.contains(ev.agent))
        return;
    Agent agent;
    agent.id = ev.agent;
    agent.profile = ev.profile;
    agent.capacity = ev.capacity;
    agent.idle_since = e.at;
    agent.presence_since = e.at;
    state.agents.emplace(ev.agent, std::move(agent));
    state.index.agent_chats[ev.agent];
}

void on(State& state, const EventEnvelope&, const AgentUpdated& ev) {
    change_agent(state, ev.agent, [&](Agent& agent) { agent.profile = ev.profile; });
}

void on(State& state, const EventEnvelope& e, const AgentEnabledChanged& ev) {
    change_agent(state, ev.agent, [&](Agent& agent) {
        agent.enabled = ev.enabled;
        if (!ev.enabled && agent.presence != Presence::offline) {
            agent.presence = Presence::offline;
            agent.presence_since = e.at;
        }
    });
}

void on(State& state, const EventEnvelope&, const QueueCreated& ev) {
    if (ev.queue != state.next_queue_id())
        return;
    Queue queue;
    queue.id = ev.queue;
    queue.config = ev.config;
    state.queues.push_back(std::move(queue));
    state.index.queues.emplace_back();
}

void on(State& state, const EventEnvelope&, const QueueUpdated& ev) {
    if (Queue* queue = state.find_queue(ev.queue))
        queue->config = ev.config;
}

void on(State& state, const EventEnvelope&, const QueueEnabledChanged& ev) {
    if (Queue* queue = state.find_queue(ev.queue))
        queue->enabled = ev.enabled;
}

void on(State& state, const EventEnvelope&, const QueueMemberAdded& ev) {
    Queue* queue = state.find_queue(ev.queue);
    if (!queue || !state.find_agent(ev.agent))
        return;
    queue->members.insert(ev.agent);
    change_agent(state, ev.agent, [&](Agent& agent) { agent.queues.insert(ev.queue); });
}

void on(State& state, const EventEnvelope&, const QueueMemberRemoved& ev) {
    Queue* queue = state.find_queue(ev.queue);
    if (!queue)
        return;
    queue->members.erase(ev.agent);
    change_agent(state, ev.agent, [&](Agent& agent) { agent.queues.erase(ev.queue); });
}

void on(State& state, const EventEnvelope&, const CannedResponseCreated& ev) {
    state.next_canned_response_id = std::max(state.next_canned_response_id, ev.id + 1);
    state.canned_responses[ev.id] = CannedResponse{ev.id, ev.title, ev.shortcut, ev.text, ev.owner};
}

void on(State& state, const EventEnvelope&, const CannedResponseUpdated& ev) {
    auto found = state.canned_responses.find(ev.id);
    if (found == state.canned_responses.end())
        return;
    found->second.title = ev.title;
    found->second.shortcut = ev.shortcut;
    found->second.text = ev.text;
}

void on(State& state, const EventEnvelope&, const CannedResponseDeleted& ev) {
    state.canned_responses.erase(ev.id);
}

void on(State& state, const EventEnvelope&, const SettingsUpdated& ev) {
    state.settings = ev.settings;
}

}  // namespace

// [SECTION] Entry points

void apply(State& state, const EventEnvelope& event) {
    std::visit([&](const auto& ev) { on(state, event, ev); }, event.event);
    if (!event.command_id.empty())
        state.processed_commands.insert(event.command_id);
}

void apply(State& state, EventEnvelope&& event) {
    if (auto* posted = std::get_if<MessagePosted>(&event.event)) {
        post(state, event.at, std::move(*posted));
        if (!event.command_id.empty())
            state.processed_commands.insert(event.command_id);
        return;
    }
    apply(state, std::as_const(event));
}

void mark_archived(State& state, const ChatArchived& archived, Timestamp at) {
    change_chat(state, archived.chat, [&](Chat& chat) {
        chat.status = ChatStatus::archived;
        chat.archived_at = at;
    });
}

void apply(State& state, const std::vector<EventEnvelope>& events) {
    for (const EventEnvelope& event : events)
        apply(state, event);
}

}  // namespace parley::core
