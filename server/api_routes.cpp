#include "server/api_routes.h"

#include "server/knowledge/knowledge_routes.h"
#include "server/rest/routes.h"
#include "server/webhooks/webhook_routes.h"

namespace parley::server {

RouteGroups api_routes() {
    return {rest::session_routes(),        rest::chat_routes(),        rest::attachment_routes(),
            rest::admin_routes(),          rest::analytics_routes(),   rest::history_routes(),
            rest::ticket_routes(),         rest::customer_routes(),    webhooks::webhook_routes(),
            knowledge::knowledge_routes(), knowledge::outage_routes(), metrics_routes(),
            rest::contract_routes()};
}

}  // namespace parley::server
