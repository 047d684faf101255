// Every REST route group the server answers: the chats' and accounts' (server/rest), the
// knowledge base's and outages' (server/knowledge) and the webhook's (server/webhooks). Listed
// here, above the three folders, so that none of them needs to know the others.
#pragma once

#include "server/rest/api.h"

namespace parley::server {

RouteGroups api_routes();

}  // namespace parley::server
