// Stable snake_case names of the domain's enums, for codecs, messages and logs, and their
// parsers. A name, once published, never changes. Standard library only.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "core/actor.h"
#include "core/analytics.h"
#include "core/customer_view.h"
#include "core/model.h"

namespace parley::core {

// Names in enum order, one table per enum.
template <typename E>
struct EnumNames;

#define PARLEY_ENUM_NAMES(Enum, ...)                                                      \
    template <>                                                                           \
    struct EnumNames<Enum> {                                                              \
        static constexpr std::array<std::string_view, std::size({__VA_ARGS__})> names = { \
            __VA_ARGS__};                                                                 \
    };

PARLEY_ENUM_NAMES(RoutingMode, "pick", "offer", "auto")
PARLEY_ENUM_NAMES(Role, "agent", "supervisor", "admin")
PARLEY_ENUM_NAMES(Presence, "online", "away", "offline")
PARLEY_ENUM_NAMES(Channel, "web", "email", "telegram", "whatsapp", "vk", "messenger", "api")
PARLEY_ENUM_NAMES(ChatStatus, "queued", "offered", "active", "pending_transfer", "closed",
                  "archived")
PARLEY_ENUM_NAMES(AuthorKind, "customer", "agent", "system", "bot")
PARLEY_ENUM_NAMES(MessageState, "sent", "delivered", "read")
PARLEY_ENUM_NAMES(ResolutionOutcome, "closed", "solved", "abandoned", "cancelled_by_agent",
                  "cancelled_by_customer", "not_responding")
PARLEY_ENUM_NAMES(TicketKind, "case", "incident", "service_request")
PARLEY_ENUM_NAMES(TicketStatus, "open", "resolved", "cancelled")
PARLEY_ENUM_NAMES(Priority, "low", "normal", "high", "urgent")
PARLEY_ENUM_NAMES(EmailKind, "transcript", "message")
PARLEY_ENUM_NAMES(EmailStatus, "queued", "sent", "failed")
PARLEY_ENUM_NAMES(Side, "customer", "staff")
PARLEY_ENUM_NAMES(AssignReason, "accepted", "offer_accepted", "routed", "transfer_accepted",
                  "reassigned")
PARLEY_ENUM_NAMES(ActivityKind, "assigned", "offer_rejected", "transfer_requested",
                  "transfer_declined", "moved_to_queue", "released", "supervisor_requested",
                  "supervisor_joined")
PARLEY_ENUM_NAMES(ActorKind, "customer", "agent", "integration", "system")
PARLEY_ENUM_NAMES(GroupBy, "queue", "agent", "channel", "day")
PARLEY_ENUM_NAMES(CustomerChatStatus, "waiting", "with_agent", "transferring", "ended")
PARLEY_ENUM_NAMES(CustomerNoticeKind, "agent_joined", "transferring", "back_in_queue",
                  "moved_to_queue", "released", "you_cancelled", "closed", "closed_cancelled",
                  "closed_not_responding")

#undef PARLEY_ENUM_NAMES

template <typename E>
constexpr std::string_view to_string(E value) {
    return EnumNames<E>::names[static_cast<std::size_t>(value)];
}

// parse<Channel>("telegram") == Channel::telegram; unknown names give nullopt.
template <typename E>
constexpr std::optional<E> parse(std::string_view name) {
    const auto& names = EnumNames<E>::names;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == name)
            return static_cast<E>(i);
    }
    return std::nullopt;
}

}  // namespace parley::core
