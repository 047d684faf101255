// What the service desk receives for a ticket event: the event's name and time, who caused it,
// the ticket, the chat it concerns (status, queue, operator, message count, last message) and
// the customer with their contact details and assets. Pure function of the event and the
// State it was applied to.
#pragma once

#include <optional>
#include <string>

#include "core/events.h"
#include "core/state.h"

namespace parley::server::webhooks {

struct TicketPayload {
    core::TicketId ticket = 0;
    // "ticket_created", "ticket_status_changed" or "ticket_linked".
    std::string event;
    std::string body;
};

// The payload for a ticket event; nothing for any other event.
std::optional<TicketPayload> ticket_payload(const core::EventEnvelope& event,
                                            const core::State& state);

}  // namespace parley::server::webhooks
