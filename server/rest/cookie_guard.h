// Request forgery from the same site: SameSite=Strict keeps the session cookie off requests
// from other sites, but a page on another port or a sibling subdomain is the same site, and a
// plain form or a `text/plain` fetch from it carries the cookie without a CORS preflight. So a
// request that changes state on the strength of the cookie alone must come from this server's
// own pages (Origin = this server) and as JSON, which no page can send cross-origin without a
// preflight. Uploads carry the file's own type; for them the Origin check is the defence.
// Bearer tokens and API keys are never sent by a browser on its own and are not checked here.
#pragma once

#include <optional>

#include "server/access/accounts.h"
#include "server/rest/api.h"

namespace parley::server::rest {

// The 403 cross_site_request for a cookie-authenticated request (its headers) that may not
// change state, or nothing when it may. `upload`: the body is a file, not JSON.
std::optional<AccessError> cross_site_refusal(const HttpRequest& request, bool upload);

}  // namespace parley::server::rest
