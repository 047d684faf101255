// REST bodies of tickets and customer records (server/README.md, "Tickets and customers").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/ids.h"
#include "core/model.h"
#include "protocol/rest/chat_bodies.h"

namespace parley::protocol::rest {

struct TicketView : core::Ticket {
    // The creator's display name.
    std::string created_by_name;
};

// GET /api/tickets/{ticket}, POST /api/tickets/{ticket}/status
struct TicketAnswer {
    TicketView ticket;
};

// POST /api/tickets/{ticket}/status
struct SetTicketStatus {
    core::TicketStatus status = core::TicketStatus::open;
    // The service desk's own id for it.
    std::optional<std::string> reference;
};

// One of a customer's products or contracts, as an integration sends it: only the name is
// required.
struct AssetInput {
    std::string name;
    std::optional<std::string> type;
    std::optional<std::string> identifier;
};

// PUT /api/customers/{customer}/profile: the whole profile, replaced.
struct CustomerProfileUpdate {
    std::optional<std::string> phone;
    std::optional<std::string> email;
    std::optional<std::string> company;
    std::vector<AssetInput> assets;
};

// A customer as integrations and staff read them: the contact's details merged.
struct CustomerView {
    core::CustomerId id;
    std::string name;
    std::string contact;
    std::string company;
    std::string phone;
    std::string email;
    std::vector<core::Asset> assets;
};

struct CustomerAnswer {
    std::optional<CustomerView> customer;
};

// GET /api/customers/{customer}/tickets
struct CustomerRecord {
    // Only when the caller sees one of the customer's chats.
    std::optional<CustomerView> customer;
    std::vector<ChatRow> chats;
    std::vector<TicketView> tickets;
};

}  // namespace parley::protocol::rest
