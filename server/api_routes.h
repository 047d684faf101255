// Every REST route the server answers: the chats' and accounts' (server/rest), the knowledge
// base's and outages' (server/knowledge) and the webhook's (server/webhooks). Bound here, above
// the three folders, so that none of them needs to know the others.
#pragma once

#include <span>

#include "server/rest/routes.h"

namespace parley::server {

// One route per operation of the contract (protocol/rest/contract.h), in its order, with the
// contract's method and path. Throws std::logic_error at the first call when an operation has
// no handler or a handler names no operation: the server never answers a different API from
// the one it publishes.
std::span<const rest::Route> api_routes();

// GET /metrics (Prometheus) for admins, integrations and the metrics token.
void read_metrics(const rest::CallPtr& call);

}  // namespace parley::server
