// Building the webhook body from a ticket event.
#include "server/webhooks/webhook_payload.h"

#include "core/calendar.h"
#include "protocol/rest/rest_codec.h"
#include "protocol/rest/webhook_bodies.h"
#include "server/rest/chat_views.h"
#include "server/rest/ticket_views.h"

namespace parley::server::webhooks {
namespace {

struct About {
    core::TicketId ticket = 0;
    std::string event;
    // The chat the event concerns: where the ticket was raised, or the newly linked one.
    core::ChatId chat;
};

std::optional<About> about(const core::Event& event, const core::State& state) {
    if (const auto* created = std::get_if<core::TicketCreated>(&event))
        return About{created->ticket, "ticket_created", created->chat};
    if (const auto* linked = std::get_if<core::TicketLinked>(&event))
        return About{linked->ticket.id, "ticket_linked", linked->chat};
    if (const auto* changed = std::get_if<core::TicketStatusChanged>(&event)) {
        const core::Ticket* ticket = state.find_ticket(changed->ticket);
        if (!ticket)
            return std::nullopt;
        return About{changed->ticket, "ticket_status_changed", ticket->chat};
    }
    return std::nullopt;
}

}  // namespace

std::optional<TicketPayload> ticket_payload(const core::EventEnvelope& event,
                                            const core::State& state) {
    const std::optional<About> subject = about(event.event, state);
    if (!subject)
        return std::nullopt;
    const core::Ticket* ticket = state.find_ticket(subject->ticket);
    const core::Chat* chat = state.find_chat(subject->chat);
    if (!ticket || !chat)
        return std::nullopt;
    protocol::rest::TicketWebhook body{subject->event,
                                       event.at,
                                       core::iso_time(event.at),
                                       event.actor,
                                       rest::ticket_view(state, *ticket),
                                       rest::chat_row(state, *chat),
                                       std::nullopt};
    if (const auto customer = state.customers.find(chat->customer);
        customer != state.customers.end()) {
        body.customer = rest::customer_view(customer->second);
    }
    return TicketPayload{subject->ticket, subject->event, protocol::rest::encode(body)};
}

}  // namespace parley::server::webhooks
