// How tickets and customers look over REST and in the service desk webhook's payload, as
// bodies of the contract (src/protocol/rest/ticket_bodies.h): one shape for both, so a service
// desk reads the same fields either way. Pure functions of the State; callers check who may
// see what (core::may_see_ticket) first.
#pragma once

#include "core/state.h"
#include "protocol/rest/ticket_bodies.h"

namespace parley::server::rest {

protocol::rest::TicketView ticket_view(const core::State& state, const core::Ticket& ticket);
// The customer's record with the contact details and assets integrations attached.
protocol::rest::CustomerView customer_view(const core::Customer& customer);

}  // namespace parley::server::rest
