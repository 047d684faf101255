#include "server/rest/cookie_guard.h"

#include <algorithm>
#include <string>

#include "server/auth/origin.h"
#include "server/rest/media_type.h"

namespace parley::server::rest {
namespace http = boost::beast::http;

namespace {

bool changes_state(http::verb method) {
    return method != http::verb::get && method != http::verb::head && method != http::verb::options;
}

AccessError refusal(std::string message) {
    return AccessError{403, "cross_site_request", std::move(message)};
}

}  // namespace

std::optional<AccessError> cross_site_refusal(const HttpRequest& request, bool upload) {
    if (!changes_state(request.method())) {
        return std::nullopt;
    }
    const std::string_view origin = request[http::field::origin];
    // No allowed origins here: other sites' pages never act with a staff member's cookie.
    if (origin.empty() || !auth::origin_allowed(origin, request[http::field::host], {})) {
        return refusal(
            "Changes made with the session cookie must come from this server's own pages; "
            "other programs sign in with a bearer token.");
    }
    const std::string type = media_type(request[http::field::content_type]);
    if (upload ? type.empty() : type != "application/json") {
        return refusal(upload ? "An upload must say its file's Content-Type."
                              : "Changes made with the session cookie must be sent as "
                                "Content-Type: application/json.");
    }
    return std::nullopt;
}

}  // namespace parley::server::rest
