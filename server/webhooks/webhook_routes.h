// The service desk webhook's REST routes: its settings and delivery log, for admins.
#pragma once

#include <span>

#include "server/rest/routes.h"

namespace parley::server::webhooks {

std::span<const rest::Route> webhook_routes();

}  // namespace parley::server::webhooks
