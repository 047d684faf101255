// Visibility of chats and events per actor. Standard library only.
#include "core/visibility.h"

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
                          std::is_same_v<E, CsatSubmitted> || std::is_same_v<E, ChatArchived>) {
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

}  // namespace

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

}  // namespace parley::core
