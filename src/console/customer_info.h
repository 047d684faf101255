// What the customer panel shows beyond the chat: the contact details and assets integrations
// attached, and the customer's tickets this replica holds. Pure functions of the replica's
// State; the views pointing into it live no longer than the frame.
#pragma once

#include <vector>

#include "console/view_model.h"
#include "core/state.h"

namespace parley::console {

TicketView ticket_view(const core::Ticket& ticket);
const core::CustomerProfile* customer_profile(const core::State& state,
                                              const core::CustomerId& customer);
// Tickets raised from or linked to one of the customer's chats; tickets out of the reader's
// sight arrive emptied and are left out.
std::vector<TicketView> customer_tickets(const core::State& state,
                                         const core::CustomerId& customer);

}  // namespace parley::console
