// Cross-origin REST for the customer widget embedded on a company's own site: pages from an
// origin in --allowed-origins (the same list that may open the WebSocket) may call /api with
// a bearer token. Credentials never cross: no Access-Control-Allow-Credentials, so the staff
// session cookie stays same-site.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/http_handler.h"

namespace parley::server {

// The answer to a CORS preflight (OPTIONS on /api/… with an Origin): 204 with what may be sent
// for an allowed origin, 403 origin_not_allowed for any other. Nothing for other requests.
std::optional<HttpResponse> cors_preflight(const HttpRequest& request,
                                           const std::vector<std::string>& allowed_origins);

// Lets the page at `origin` read `response` when that origin is allowed (or the server's own).
void allow_cross_origin(boost::beast::http::response_header<>& response, std::string_view origin,
                        std::string_view host, const std::vector<std::string>& allowed_origins);

}  // namespace parley::server
