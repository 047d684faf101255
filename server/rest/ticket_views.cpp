// Tickets and customers for REST and the webhook.
#include "server/rest/ticket_views.h"

namespace parley::server::rest {

protocol::rest::TicketView ticket_view(const core::State& state, const core::Ticket& ticket) {
    const core::Agent* creator = state.find_agent(ticket.created_by);
    protocol::rest::TicketView view;
    static_cast<core::Ticket&>(view) = ticket;
    view.created_by_name = creator ? creator->profile.name : ticket.created_by;
    return view;
}

protocol::rest::CustomerView customer_view(const core::Customer& customer) {
    const core::CustomerProfile profile = customer.profile.value_or(core::CustomerProfile{});
    return {customer.id,      customer.name,
            customer.contact, profile.company.empty() ? customer.company : profile.company,
            profile.phone,    profile.email,
            profile.assets};
}

}  // namespace parley::server::rest
