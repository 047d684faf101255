// Every REST route group the server answers: the chats' and accounts' (server/rest), the
// knowledge base's and outages' (server/knowledge) and the webhook's (server/webhooks). Listed
// here, above the three folders, so that none of them needs to know the others.
#pragma once

#include <span>

#include "server/rest/api.h"
#include "server/rest/routes.h"

namespace parley::server {

RouteGroups api_routes();
// GET /metrics (Prometheus) for admins, integrations and the metrics token.
std::span<const rest::Route> metrics_routes();

}  // namespace parley::server
