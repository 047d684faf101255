// The console's words for the domain's enums: one table per enum, in the order of its wire
// names (core/names.h), so a value's label is found by its index and an enum that gains a value
// fails to build until it has a label. The one place these words live, for a translation to
// replace.
#pragma once

#include <array>
#include <cstddef>

#include "core/names.h"

namespace parley::console {

template <class E>
struct EnumLabels;

#define PARLEY_ENUM_LABELS(Enum, ...)                                                              \
    template <>                                                                                    \
    struct EnumLabels<Enum> {                                                                      \
        static constexpr std::array<const char*, std::size({__VA_ARGS__})> labels = {__VA_ARGS__}; \
        static_assert(labels.size() == core::EnumNames<Enum>::names.size(), "a label a value");    \
    };

PARLEY_ENUM_LABELS(core::Presence, "Online", "Away", "Offline")
PARLEY_ENUM_LABELS(core::Role, "Agent", "Supervisor", "Admin")
PARLEY_ENUM_LABELS(core::RoutingMode, "Pick", "Offer", "Auto")
PARLEY_ENUM_LABELS(core::GroupBy, "Queue", "Agent", "Channel", "Day")
PARLEY_ENUM_LABELS(core::TicketKind, "Case", "Incident", "Service request")
// Lower case: they follow a time in a line of the transcript ("10:42 · read").
PARLEY_ENUM_LABELS(core::MessageState, "sent", "delivered", "read")
PARLEY_ENUM_LABELS(core::EmailStatus, "sending", "sent", "failed")

#undef PARLEY_ENUM_LABELS

template <class E>
const char* label_of(E value) {
    return EnumLabels<E>::labels[static_cast<std::size_t>(value)];
}

}  // namespace parley::console
