// Customers over REST: an integration (API key) attaches a customer's contact details and
// assets, and staff read what the customer panel shows: the customer's chats and tickets that
// they may see. Customers themselves get neither (tickets are staff business).
#include "core/visibility.h"
#include "server/rest/chat_access.h"
#include "server/rest/chat_views.h"
#include "server/rest/request_fields.h"
#include "server/rest/routes.h"
#include "server/rest/ticket_views.h"

namespace parley::server::rest {
namespace {

namespace http = boost::beast::http;

// Generous bounds for the wire; the core holds the real limits and explains them.
constexpr std::size_t kMaxAssetsOnWire = 1000;

std::optional<std::vector<core::Asset>> read_assets(BodyReader& reader) {
    std::vector<core::Asset> assets;
    const nlohmann::json* list = reader.any("assets", Need::optional);
    if (!list) {
        return assets;
    }
    if (!list->is_array() || list->size() > kMaxAssetsOnWire) {
        reader.problem("wrong_type", "The field assets must be a list of objects.");
        return std::nullopt;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const nlohmann::json& item = (*list)[i];
        if (!item.is_object()) {
            reader.problem("wrong_type", "The field assets must be a list of objects.");
            return std::nullopt;
        }
        BodyReader fields(reader, item, "assets[" + std::to_string(i) + "].");
        core::Asset asset;
        asset.name = fields.text("name", Need::required).value_or("");
        asset.type = fields.text("type", Need::optional).value_or("");
        asset.identifier = fields.text("identifier", Need::optional).value_or("");
        assets.push_back(std::move(asset));
    }
    return assets;
}

void set_profile(const CallPtr& call) {
    if (!call->require_signed_in()) {
        return;
    }
    const std::string customer = call->params["customer"];
    const auto body = call->json_body();
    if (!body) {
        return;
    }
    BodyReader reader(*call, *body);
    core::CustomerProfile profile;
    profile.phone = reader.text("phone", Need::optional).value_or("");
    profile.email = reader.text("email", Need::optional).value_or("");
    profile.company = reader.text("company", Need::optional).value_or("");
    auto assets = read_assets(reader);
    if (!reader.ok()) {
        return;
    }
    profile.assets = std::move(*assets);
    call->command(core::SetCustomerProfile{customer, std::move(profile)},
                  [call, customer](const protocol::Ack&) {
                      read_state(call, [call, customer](const core::State& state) {
                          const auto found = state.customers.find(customer);
                          call->reply(http::status::ok,
                                      {{"customer", found == state.customers.end()
                                                        ? nlohmann::json(nullptr)
                                                        : customer_json(found->second)}});
                      });
                  });
}

void customer_tickets(const CallPtr& call) {
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
        nlohmann::json chats = nlohmann::json::array();
        if (const auto ids = state.index.customer_chats.find(customer);
            ids != state.index.customer_chats.end()) {
            for (const core::ChatId& id : ids->second) {
                const core::Chat* chat = state.find_chat(id);
                if (chat && core::may_see_chat(state, actor, *chat)) {
                    chats.push_back(chat_summary(state, *chat));
                }
            }
        }
        nlohmann::json tickets = nlohmann::json::array();
        for (const core::Ticket& ticket : state.tickets) {
            const core::Chat* chat = state.find_chat(ticket.chat);
            if (chat && chat->customer == customer && core::may_see_ticket(state, actor, ticket)) {
                tickets.push_back(ticket_json(state, ticket));
            }
        }
        // The record itself only to whoever sees one of the customer's chats.
        const auto found = state.customers.find(customer);
        const bool known = found != state.customers.end() &&
                           (actor.kind == core::ActorKind::integration || !chats.empty());
        call->reply(http::status::ok,
                    {{"customer", known ? customer_json(found->second) : nlohmann::json(nullptr)},
                     {"chats", chats},
                     {"tickets", tickets}});
    });
}

constexpr Route kCustomersRoutes[] = {
    {http::verb::put, "/api/customers/{customer}/profile", set_profile, false},
    {http::verb::get, "/api/customers/{customer}/tickets", customer_tickets, false},
};

}  // namespace

std::span<const Route> customer_routes() {
    return kCustomersRoutes;
}

}  // namespace parley::server::rest
