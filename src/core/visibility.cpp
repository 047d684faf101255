// Visibility of chats and events per actor. Standard library only.
#include "core/visibility.h"

#include <algorithm>
#include <map>
#include <type_traits>

#include "core/decide_context.h"

namespace parley::core {

std::string shown_to_customer(const State& state, const Actor& customer, const std::string& id) {
    if (id.empty() || id == customer.id)
        return id;
    if (const Agent* agent = state.find_agent(id))
        return agent->profile.name.empty() ? std::string("Support") : agent->profile.name;
    return {};
}

Author author_shown_to_customer(const State& state, const Actor& customer, const Author& author) {
    return Author{author.kind, shown_to_customer(state, customer, author.id)};
}

bool told_to_customer(ActivityKind kind) {
    return kind != ActivityKind::offer_rejected && kind != ActivityKind::supervisor_requested &&
           kind != ActivityKind::supervisor_joined;
}

namespace {

Actor actor_shown_to_customer(const State& state, const Actor& customer, const Actor& actor) {
    if (actor.kind == ActorKind::agent)
        return Actor::agent(shown_to_customer(state, customer, actor.id));
    if (actor == customer)
        return actor;
    return Actor::system();
}

// What a customer may receive about their own chat: the conversation and the hand-overs they
// are told of, with staff named by display name and staff-only fields blanked. Offers are the
// floor's business (to the customer the chat is still waiting); so are notes, supervisors,
// tags and tickets.
std::optional<Event> for_customer(const State& state, const Actor& customer, const Event& event) {
    const auto named = [&](const std::string& id) {
        return shown_to_customer(state, customer, id);
    };
    return std::visit(
        [&](const auto& ev) -> std::optional<Event> {
            using E = std::decay_t<decltype(ev)>;
            if constexpr (std::is_same_v<E, ChatStarted> || std::is_same_v<E, TypingChanged> ||
                          std::is_same_v<E, MessagesDelivered> || std::is_same_v<E, MessagesRead> ||
                          std::is_same_v<E, CustomerCancelled> ||
                          std::is_same_v<E, CsatSubmitted> || std::is_same_v<E, ChatArchived> ||
                          std::is_same_v<E, TranscriptRequested> ||
                          std::is_same_v<E, EmailDelivered>) {
                return ev;
            } else if constexpr (std::is_same_v<E, MessagePosted>) {
                MessagePosted seen = ev;
                seen.author = author_shown_to_customer(state, customer, ev.author);
                return seen;
            } else if constexpr (std::is_same_v<E, ChatAssigned>) {
                return ChatAssigned{ev.chat, named(ev.agent), ev.reason};
            } else if constexpr (std::is_same_v<E, ChatReleased>) {
                return ChatReleased{ev.chat, named(ev.agent)};
            } else if constexpr (std::is_same_v<E, EmailQueued>) {
                EmailQueued seen = ev;
                seen.email.by = named(ev.email.by);
                return seen;
            } else if constexpr (std::is_same_v<E, ChatClosed>) {
                return ChatClosed{ev.chat, ev.outcome, {}, {}};
            } else if constexpr (std::is_same_v<E, ChatMovedToQueue>) {
                return ChatMovedToQueue{ev.chat, ev.from, ev.to, named(ev.by), {}};
            } else if constexpr (std::is_same_v<E, TransferRequested>) {
                return TransferRequested{ev.chat, named(ev.from), named(ev.to), {}, ev.deadline};
            } else if constexpr (std::is_same_v<E, TransferDeclined>) {
                return TransferDeclined{ev.chat, named(ev.agent), {}, ev.timed_out};
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
    return actor.kind == ActorKind::system || acts_with_role(state, actor, Role::supervisor);
}

bool may_see_chat(const State& state, const Actor& actor, const Chat& chat) {
    const bool named = actor.kind == ActorKind::agent && names_in_sight(chat, actor.id);
    return may_see_chat_as(state, actor, chat.customer, chat.status, chat.queue, named);
}

bool names_in_sight(const Chat& chat, const AgentId& agent) {
    bool named = false;
    each_agent_in_sight(chat, [&](const AgentId& id) { named = named || id == agent; });
    return named;
}

bool may_see_chat_as(const State& state, const Actor& actor, const CustomerId& customer,
                     ChatStatus status, QueueId queue, bool names_actor) {
    switch (actor.kind) {
    case ActorKind::customer:
        return actor.id == customer;
    case ActorKind::agent: {
        const Agent* agent = staff_of(state, actor);
        return agent && sees_chat_as(*agent, status, queue, names_actor);
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
    if (std::any_of(ticket.linked_chats.begin(), ticket.linked_chats.end(), sees))
        return true;
    // Once its chats are archived, whoever raised it and the supervisors still find it.
    const auto live = [&](const ChatId& id) { return state.find_chat(id) != nullptr; };
    if (live(ticket.chat) ||
        std::any_of(ticket.linked_chats.begin(), ticket.linked_chats.end(), live))
        return false;
    const Agent* agent = staff_of(state, actor);
    return agent && (is_supervisor(*agent) || agent->id == ticket.created_by);
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
        std::optional<Event> visible = for_customer(state, actor, event.event);
        if (!visible)
            return std::nullopt;
        return EventEnvelope{client_id_for(actor, event.command_id),
                             actor_shown_to_customer(state, actor, event.actor), event.at,
                             std::move(*visible)};
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

Chat chat_for(const State& state, const Actor& actor, const Chat& chat) {
    if (actor.kind != ActorKind::customer)
        return chat;
    const auto named = [&](const std::string& id) { return shown_to_customer(state, actor, id); };
    Chat seen = chat;
    seen.notes.clear();
    seen.passed_by.clear();
    seen.tags.clear();
    seen.supervisor_requested = false;
    seen.ticket.reset();
    // Offers never reach the customer: to them the chat waits until someone takes it.
    if (seen.status == ChatStatus::offered)
        seen.status = ChatStatus::queued;
    seen.offer.reset();
    if (seen.assignee)
        seen.assignee = named(*seen.assignee);
    if (seen.first_responder)
        seen.first_responder = named(*seen.first_responder);
    if (seen.last_assignee)
        seen.last_assignee = named(*seen.last_assignee);
    for (AgentId& participant : seen.participants)
        participant = named(participant);
    if (seen.pending_transfer) {
        seen.pending_transfer->side_note.clear();
        seen.pending_transfer->from = named(seen.pending_transfer->from);
        seen.pending_transfer->to = named(seen.pending_transfer->to);
    }
    for (Message& message : seen.messages)
        message.author = author_shown_to_customer(state, actor, message.author);
    for (Email& email : seen.emails)
        email.by = named(email.by);
    // Exactly the hand-overs whose events for_customer() lets through, without notes, so a
    // customer's replica folding those events ends where this snapshot starts.
    std::erase_if(seen.activity,
                  [](const Activity& activity) { return !told_to_customer(activity.kind); });
    for (Activity& activity : seen.activity) {
        activity.note.clear();
        activity.by = named(activity.by);
        activity.agent = named(activity.agent);
    }
    if (seen.resolution) {
        seen.resolution->category.clear();
        seen.resolution->notes.clear();
        seen.resolution->closed_by = named(seen.resolution->closed_by);
    }
    return seen;
}

namespace {

Ticket redacted_ticket(const Ticket& ticket) {
    Ticket seen;
    seen.id = ticket.id;
    return seen;
}

// Customers learn a queue's name (where their chat is going), not how it is set up.
std::vector<Queue> names_of(const std::vector<Queue>& queues) {
    std::vector<Queue> seen;
    seen.reserve(queues.size());
    for (const Queue& queue : queues) {
        Queue named;
        named.id = queue.id;
        named.general = queue.general;
        named.enabled = queue.enabled;
        named.config.name = queue.config.name;
        seen.push_back(std::move(named));
    }
    return seen;
}

// The staff a customer's chat names, listed under the names it uses for them, so the snapshot
// hangs together; and the message counter just past the chat's own messages.
void name_staff_of(State& seen, const Chat& chat) {
    const auto add = [&](const std::string& name) {
        if (name.empty() || seen.agents.contains(name))
            return;
        Agent named;
        named.id = name;
        named.profile.name = name;
        seen.agents.emplace(name, std::move(named));
    };
    if (chat.assignee)
        add(*chat.assignee);
    if (chat.pending_transfer) {
        add(chat.pending_transfer->from);
        add(chat.pending_transfer->to);
    }
    for (const AgentId& participant : chat.participants)
        add(participant);
    if (chat.first_responder)
        add(*chat.first_responder);
    if (chat.last_assignee)
        add(*chat.last_assignee);
    for (const Message& message : chat.messages) {
        if (message.author.kind == AuthorKind::agent)
            add(message.author.id);
        seen.next_message_id = std::max(seen.next_message_id, message.id + 1);
    }
}

}  // namespace

State visible_state(const State& state, const Actor& actor, std::size_t ended_chats) {
    if (actor.kind == ActorKind::system || actor.kind == ActorKind::integration)
        return state;
    // Built field by field: copying the whole State first would cost every connect as much as
    // the floor's entire history.
    State seen;
    if (actor.kind == ActorKind::customer) {
        // The customer's own chats and the names of queues, nothing of the organisation: no
        // staff accounts (only the display names their chats use), settings, tickets, canned
        // responses or counters.
        seen.queues = names_of(state.queues);
        // Through the customer's own chats, in the order they started (the State's order), as
        // customer_views does: a widget's connect costs its own chats, not every live one.
        if (const auto own = state.index.customer_chats.find(actor.id);
            own != state.index.customer_chats.end()) {
            for (const ChatId& id : own->second) {
                const Chat* chat = state.find_chat(id);
                if (chat == nullptr || !may_see_chat(state, actor, *chat))
                    continue;
                seen.chats.push_back(chat_for(state, actor, *chat));
                name_staff_of(seen, seen.chats.back());
            }
        }
        if (const auto customer = state.customers.find(actor.id);
            customer != state.customers.end()) {
            seen.customers.insert(*customer);
        }
        rebuild_indexes(seen);
        return seen;
    }
    seen.settings = state.settings;
    seen.queues = state.queues;
    seen.agents = state.agents;
    seen.tickets = state.tickets;
    seen.canned_responses = state.canned_responses;
    seen.next_message_id = state.next_message_id;
    seen.next_note_id = state.next_note_id;
    seen.next_canned_response_id = state.next_canned_response_id;
    // Newest first, so the ended chats kept are the newest; put back in order after.
    std::size_t ended = 0;
    for (auto chat = state.chats.rbegin(); chat != state.chats.rend(); ++chat) {
        if (vacated(*chat) || !may_see_chat(state, actor, *chat))
            continue;
        if (closed_or_archived(*chat) && ended++ >= ended_chats)
            continue;
        seen.chats.push_back(chat_for(state, actor, *chat));
        if (const auto customer = state.customers.find(chat->customer);
            customer != state.customers.end()) {
            seen.customers.insert(*customer);
        }
    }
    std::reverse(seen.chats.begin(), seen.chats.end());
    // Tickets keep their positions (ids are dense); those of chats out of sight are emptied.
    for (Ticket& ticket : seen.tickets) {
        if (!may_see_ticket(state, actor, ticket))
            ticket = redacted_ticket(ticket);
    }
    const Agent* agent = staff_of(state, actor);
    std::erase_if(seen.canned_responses, [&](const auto& entry) {
        const auto& owner = entry.second.owner;
        return owner && (!agent || (*owner != agent->id && !is_admin(*agent)));
    });
    rebuild_indexes(seen);
    return seen;
}

}  // namespace parley::core
