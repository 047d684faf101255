// The service desk webhook's REST handlers: its settings and delivery log, for admins.
#pragma once

#include "server/rest/routes.h"

namespace parley::server::webhooks {

void get_webhook(const rest::CallPtr& call);
void set_webhook(const rest::CallPtr& call);
void list_webhook_deliveries(const rest::CallPtr& call);

}  // namespace parley::server::webhooks
