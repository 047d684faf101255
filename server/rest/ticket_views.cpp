// Ticket and customer JSON for REST and the webhook.
#include "server/rest/ticket_views.h"

#include "core/names.h"

namespace parley::server::rest {

nlohmann::json ticket_json(const core::State& state, const core::Ticket& ticket) {
    const core::Agent* creator = state.find_agent(ticket.created_by);
    return {{"id", ticket.id},
            {"kind", core::to_string(ticket.kind)},
            {"summary", ticket.summary},
            {"priority", core::to_string(ticket.priority)},
            {"status", core::to_string(ticket.status)},
            {"reference", ticket.reference ? nlohmann::json(*ticket.reference) : nullptr},
            {"chat", ticket.chat},
            {"linked_chats", ticket.linked_chats},
            {"created_by", ticket.created_by},
            {"created_by_name", creator ? creator->profile.name : ticket.created_by},
            {"created_at", ticket.created_at}};
}

nlohmann::json customer_json(const core::Customer& customer) {
    nlohmann::json assets = nlohmann::json::array();
    const core::CustomerProfile profile = customer.profile.value_or(core::CustomerProfile{});
    for (const core::Asset& asset : profile.assets) {
        assets.push_back(
            {{"name", asset.name}, {"type", asset.type}, {"identifier", asset.identifier}});
    }
    return {{"id", customer.id},
            {"name", customer.name},
            {"contact", customer.contact},
            {"company", profile.company.empty() ? customer.company : profile.company},
            {"phone", profile.phone},
            {"email", profile.email},
            {"assets", assets}};
}

}  // namespace parley::server::rest
