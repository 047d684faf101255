// Visibility of chats and events per actor. Standard library only.
#include "core/visibility.h"

#include <algorithm>
#include <map>
#include <type_traits>

#include "core/decide_context.h"

namespace parley::core {
namespace {

// What a customer may receive about their own chat, with staff-only fields blanked.
std::optional<Event> for_customer(const Event& event) {
    return std::visit(
        [](const auto& ev) -> std::optional<Event> {
            using E = std::decay_t<decltype(ev)>;
            if constexpr (std::is_same_v<E, ChatStarted> || std::is_same_v<E, MessagePosted> ||
                          std::is_same_v<E, TypingChanged> ||
                          std::is_same_v<E, MessagesDelivered> || std::is_same_v<E, MessagesRead> ||
                          std::is_same_v<E, ChatAssigned> || std::is_same_v<E, ChatOffered> ||
                          std::is_same_v<E, ChatReleased> || std::is_same_v<E, CustomerCancelled> ||
                          std::is_same_v<E, CsatSubmitted> || std::is_same_v<E, ChatArchived> ||
                          std::is_same_v<E, TranscriptRequested> ||
                          std::is_same_v<E, EmailQueued> || std::is_same_v<E, EmailDelivered>) {
                return ev;
            } else if constexpr (std::is_same_v<E, ChatClosed>) {
                return ChatClosed{ev.chat, ev.outcome, {}, {}};
            } else if constexpr (std::is_same_v<E, ChatMovedToQueue>) {
                return ChatMovedToQueue{ev.chat, ev.from, ev.to, ev.by, {}};
            } else if constexpr (std::is_same_v<E, TransferRequested>) {
                return TransferRequested{ev.chat, ev.from, ev.to, {}, ev.deadline};
            } else if constexpr (std::is_same_v<E, TransferDeclined>) {
                return TransferDeclined{ev.chat, ev.agent, {}, ev.timed_out};
            } else {
                return std::nullopt;
            }
        },
        event);
}

// The customer themself, or staff who see one of the customer's chats.
bool sees_customer(const State& state, const Actor& actor, const CustomerId& customer) {
    if (actor.kind == ActorKind::customer)
        return actor.id == customer;
    const auto chats = state.index.customer_chats.find(customer);
    if (chats == state.index.customer_chats.end())
        return false;
    return std::any_of(chats->second.begin(), chats->second.end(), [&](const ChatId& id) {
        const Chat* chat = state.find_chat(id);
        return chat && may_see_chat(state, actor, *chat);
    });
}

}  // namespace

bool same_sight(const Agent* before, const Agent* after) {
    if (before == nullptr || after == nullptr) {
        return before == nullptr && after == nullptr;
    }
    return before->profile.role == after->profile.role && before->queues == after->queues &&
           before->enabled == after->enabled;
}

bool may_administer(const State& state, const Actor& actor) {
    if (actor.kind == ActorKind::system)
        return true;
    const Agent* agent = staff_of(state, actor);
    return agent && is_admin(*agent);
}

bool may_supervise(const State& state, const Actor& actor) {
    if (actor.kind == ActorKind::system)
        return true;
    const Agent* agent = staff_of(state, actor);
    return agent && is_supervisor(*agent);
}

bool may_see_chat(const State& state, const Actor& actor, const Chat& chat) {
    switch (actor.kind) {
    case ActorKind::customer:
        return actor.id == chat.customer;
    case ActorKind::agent: {
        const Agent* agent = staff_of(state, actor);
        return agent && sees_chat(*agent, chat);
    }
    case ActorKind::integration:
    case ActorKind::system:
        return true;
    }
    return false;
}

bool may_see_ticket(const State& state, const Actor& actor, const Ticket& ticket) {
    if (actor.kind == ActorKind::customer)
        return false;
    const auto sees = [&](const ChatId& id) {
        const Chat* chat = state.find_chat(id);
        return chat && may_see_chat(state, actor, *chat);
    };
    if (sees(ticket.chat))
        return true;
    return std::any_of(ticket.linked_chats.begin(), ticket.linked_chats.end(), sees);
}

std::optional<ChatId> chat_of(const State& state, const Event& event) {
    return std::visit(
        [&](const auto& ev) -> std::optional<ChatId> {
            using E = std::decay_t<decltype(ev)>;
            if constexpr (std::is_same_v<E, TicketStatusChanged>) {
                const Ticket* ticket = state.find_ticket(ev.ticket);
                return ticket ? std::optional(ticket->chat) : std::nullopt;
            } else if constexpr (requires { ev.chat; }) {
                return ev.chat;
            } else {
                return std::nullopt;
            }
        },
        event);
}

std::optional<EventEnvelope> view_for(const State& state, const Actor& actor,
                                      const EventEnvelope& event) {
    if (actor.kind == ActorKind::system || actor.kind == ActorKind::integration)
        return event;
    if (const auto* set = std::get_if<CustomerProfileSet>(&event.event)) {
        return sees_customer(state, actor, set->customer) ? std::optional(event) : std::nullopt;
    }
    if (const auto* changed = std::get_if<TicketStatusChanged>(&event.event)) {
        // Through any of its chats, not only the one it was raised from.
        const Ticket* ticket = state.find_ticket(changed->ticket);
        return ticket && may_see_ticket(state, actor, *ticket) ? std::optional(event)
                                                              : std::nullopt;
    }
    const std::optional<ChatId> chat_id = chat_of(state, event.event);
    const Chat* chat = chat_id ? state.find_chat(*chat_id) : nullptr;
    if (actor.kind == ActorKind::customer) {
        if (!chat || chat->customer != actor.id)
            return std::nullopt;
        std::optional<Event> visible = for_customer(event.event);
        if (!visible)
            return std::nullopt;
        return EventEnvelope{event.command_id, event.actor, event.at, std::move(*visible)};
    }
    const Agent* agent = staff_of(state, actor);
    if (!agent)
        return std::nullopt;
    if (chat_id && (!chat || !sees_chat(*agent, *chat)))
        return std::nullopt;
    if (const auto* created = std::get_if<CannedResponseCreated>(&event.event)) {
        if (created->owner && created->owner != agent->id && !is_admin(*agent)) {
            return std::nullopt;
        }
    }
    return event;
}

std::optional<EventEnvelope> view_for(const State& state, const Actor& actor,
                                      const EventEnvelope& event, bool saw_chat_before) {
    if (std::optional<EventEnvelope> view = view_for(state, actor, event))
        return view;
    if (actor.kind == ActorKind::agent && saw_chat_before && chat_of(state, event.event))
        return event;
    return std::nullopt;
}

bool brings_chat_into_view(const State& state, const Actor& actor, const EventEnvelope& event,
                           bool saw_chat_before) {
    if (saw_chat_before || actor.kind != ActorKind::agent ||
        std::holds_alternative<ChatStarted>(event.event)) {
        return false;
    }
    const std::optional<ChatId> chat_id = chat_of(state, event.event);
    const Chat* chat = chat_id ? state.find_chat(*chat_id) : nullptr;
    return chat && may_see_chat(state, actor, *chat);
}

Chat chat_for(const Actor& actor, const Chat& chat) {
    if (actor.kind != ActorKind::customer)
        return chat;
    Chat seen = chat;
    seen.notes.clear();
    seen.passed_by.clear();
    seen.tags.clear();
    seen.supervisor_requested = false;
    seen.ticket.reset();
    if (seen.pending_transfer)
        seen.pending_transfer->side_note.clear();
    // Exactly the hand-overs whose events for_customer() lets through, without notes, so a
    // customer's replica folding those events ends where this snapshot starts.
    std::erase_if(seen.activity, [](const Activity& activity) {
        return activity.kind == ActivityKind::offer_rejected ||
               activity.kind == ActivityKind::supervisor_requested ||
               activity.kind == ActivityKind::supervisor_joined;
    });
    for (Activity& activity : seen.activity)
        activity.note.clear();
    if (seen.resolution) {
        seen.resolution->category.clear();
        seen.resolution->notes.clear();
    }
    return seen;
}

namespace {

Ticket redacted_ticket(const Ticket& ticket) {
    Ticket seen;
    seen.id = ticket.id;
    return seen;
}

// Customers learn who is helping them, not how the floor is organised.
std::map<AgentId, Agent> names_only(const std::map<AgentId, Agent>& agents) {
    std::map<AgentId, Agent> seen;
    for (const auto& [id, agent] : agents) {
        Agent named;
        named.id = id;
        named.profile.name = agent.profile.name;
        seen.emplace(id, std::move(named));
    }
    return seen;
}

}  // namespace

State visible_state(const State& state, const Actor& actor) {
    if (actor.kind == ActorKind::system || actor.kind == ActorKind::integration)
        return state;
    // Built field by field: copying the whole State first would cost every connect as much as
    // the floor's entire history.
    State seen;
    seen.settings = state.settings;
    seen.queues = state.queues;
    seen.agents = state.agents;
    seen.tickets = state.tickets;
    seen.canned_responses = state.canned_responses;
    seen.next_message_id = state.next_message_id;
    seen.next_note_id = state.next_note_id;
    seen.next_canned_response_id = state.next_canned_response_id;
    for (const Chat& chat : state.chats) {
        if (!may_see_chat(state, actor, chat))
            continue;
        seen.chats.push_back(chat_for(actor, chat));
        if (const auto customer = state.customers.find(chat.customer);
            customer != state.customers.end()) {
            seen.customers.insert(*customer);
        }
    }
    // Tickets keep their positions (ids are dense); those of chats out of sight are emptied.
    for (Ticket& ticket : seen.tickets) {
        if (!may_see_ticket(state, actor, ticket))
            ticket = redacted_ticket(ticket);
    }
    if (actor.kind == ActorKind::customer) {
        seen.agents = names_only(state.agents);
        // The agents no longer list their queues, so the queues list no members either (a
        // snapshot must hang together both ways, and membership is floor organisation).
        for (Queue& queue : seen.queues)
            queue.members.clear();
        seen.canned_responses.clear();
    } else {
        const Agent* agent = staff_of(state, actor);
        std::erase_if(seen.canned_responses, [&](const auto& entry) {
            const auto& owner = entry.second.owner;
            return owner && (!agent || (*owner != agent->id && !is_admin(*agent)));
        });
    }
    rebuild_indexes(seen);
    return seen;
}

}  // namespace parley::core
