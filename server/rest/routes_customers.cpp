// Customers over REST: an integration (API key) attaches a customer's contact details and
// assets, and staff read what the customer panel shows: the customer's chats (from the read
// model, archived ones too) and tickets that they may see. Customers themselves get neither
// (tickets are staff business).
#include "core/visibility.h"
#include "server/readmodel/chat_search.h"
#include "server/rest/chat_access.h"
#include "server/rest/chat_views.h"
#include "server/rest/request_fields.h"
#include "server/rest/routes.h"
#include "server/rest/ticket_views.h"

namespace parley::server::rest {
namespace {

namespace http = boost::beast::http;
namespace body = protocol::rest;

// The customer's chats come from the read model, archived ones included, newest first; the
// record itself only to whoever sees one of them (or an integration).
constexpr std::size_t kRecordChats = 200;

void answer_with_chats(const CallPtr& call, const core::CustomerId& customer,
                       body::CustomerRecord record) {
    call->read_model([call, customer, record = std::move(record)](
                         sqlite::Connection& db, const core::State& directory) mutable {
        readmodel::ChatQuery query;
        query.limit = kRecordChats;
        query.customer_id = customer;
        auto page = readmodel::chat_page(db, directory, call->principal->actor, query);
        record.chats = std::move(std::get<body::ChatPage>(page).chats);
        if (call->principal->actor.kind != core::ActorKind::integration && record.chats.empty()) {
            record.customer.reset();
        } else if (!record.customer && !record.chats.empty()) {
            // A customer whose chats are all archived has left the live State with them: their
            // name as the newest chat gave it is what remains.
            body::CustomerView named;
            named.id = customer;
            named.name = record.chats.front().customer_name;
            record.customer = std::move(named);
        }
        call->reply(http::status::ok, record);
    });
}

}  // namespace

void set_customer_profile(const CallPtr& call) {
    if (!call->require_signed_in()) {
        return;
    }
    const std::string customer = call->params["customer"];
    auto update = call->body_as<body::CustomerProfileUpdate>();
    if (!update) {
        return;
    }
    core::CustomerProfile profile{
        update->phone.value_or(""), update->email.value_or(""), update->company.value_or(""), {}};
    for (body::AssetInput& asset : update->assets) {
        profile.assets.push_back(
            {std::move(asset.name), asset.type.value_or(""), asset.identifier.value_or("")});
    }
    call->command(core::SetCustomerProfile{customer, std::move(profile)},
                  [call, customer](const protocol::Ack&) {
                      read_state(call, [call, customer](const core::State& state) {
                          body::CustomerAnswer answer;
                          if (const auto found = state.customers.find(customer);
                              found != state.customers.end()) {
                              answer.customer = customer_view(found->second);
                          }
                          call->reply(http::status::ok, answer);
                      });
                  });
}

void list_customer_tickets(const CallPtr& call) {
    if (!call->require_signed_in()) {
        return;
    }
    if (call->principal->actor.kind == core::ActorKind::customer) {
        call->fail(http::status::forbidden, "not_authorized",
                   "Customers cannot list tickets; staff and integrations can.");
        return;
    }
    read_state(call, [call, customer = call->params["customer"]](const core::State& state) {
        const core::Actor& actor = call->principal->actor;
        body::CustomerRecord record;
        for (const core::Ticket& ticket : state.tickets) {
            const core::Chat* chat = state.find_chat(ticket.chat);
            if (chat && chat->customer == customer && core::may_see_ticket(state, actor, ticket)) {
                record.tickets.push_back(ticket_view(state, ticket));
            }
        }
        if (const auto found = state.customers.find(customer); found != state.customers.end()) {
            record.customer = customer_view(found->second);
        }
        answer_with_chats(call, customer, std::move(record));
    });
}

}  // namespace parley::server::rest
