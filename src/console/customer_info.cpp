#include "console/customer_info.h"

#include "core/names.h"

namespace parley::console {

TicketView ticket_view(const core::Ticket& ticket) {
    TicketView view{core::to_string(ticket.kind),
                    core::to_string(ticket.status),
                    ticket.summary,
                    core::to_string(ticket.priority),
                    {},
                    ticket.id};
    if (ticket.reference) {
        view.reference = *ticket.reference;
    }
    return view;
}

const core::CustomerProfile* customer_profile(const core::State& state,
                                              const core::CustomerId& customer) {
    const auto found = state.customers.find(customer);
    if (found == state.customers.end() || !found->second.profile) {
        return nullptr;
    }
    return &*found->second.profile;
}

std::vector<TicketView> customer_tickets(const core::State& state,
                                         const core::CustomerId& customer) {
    std::vector<TicketView> tickets;
    const auto of_customer = [&](const core::ChatId& id) {
        const core::Chat* chat = state.find_chat(id);
        return chat && chat->customer == customer;
    };
    for (const core::Ticket& ticket : state.tickets) {
        bool theirs = of_customer(ticket.chat);
        for (const core::ChatId& linked : ticket.linked_chats) {
            theirs = theirs || of_customer(linked);
        }
        if (theirs) {
            tickets.push_back(ticket_view(ticket));
        }
    }
    return tickets;
}

}  // namespace parley::console
