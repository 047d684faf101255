#include "server/cors.h"

#include "server/auth/origin.h"

namespace parley::server {
namespace http = boost::beast::http;

namespace {

constexpr std::string_view kApiPrefix = "/api/";

}  // namespace

std::optional<HttpResponse> cors_preflight(const HttpRequest& request,
                                           const std::vector<std::string>& allowed_origins) {
    const std::string_view origin = request[http::field::origin];
    if (request.method() != http::verb::options || origin.empty() ||
        !request.target().starts_with(kApiPrefix)) {
        return std::nullopt;
    }
    if (!auth::origin_allowed(origin, request[http::field::host], allowed_origins)) {
        auto response =
            error_response(request.version(), http::status::forbidden, "origin_not_allowed",
                           "Pages from this origin may not call Parley's API.");
        response.keep_alive(request.keep_alive());
        return response;
    }
    HttpResponse response{http::status::no_content, request.version()};
    response.set(http::field::access_control_allow_methods, "GET, POST, PUT, DELETE");
    response.set(http::field::access_control_allow_headers,
                 "Authorization, Content-Type, Idempotency-Key, X-File-Name");
    response.set(http::field::access_control_max_age, "600");
    allow_cross_origin(response, origin, request[http::field::host], allowed_origins);
    response.keep_alive(request.keep_alive());
    response.prepare_payload();
    return response;
}

void allow_cross_origin(http::response_header<>& response, std::string_view origin,
                        std::string_view host, const std::vector<std::string>& allowed_origins) {
    response.set(http::field::vary, "Origin");
    if (origin.empty() || !auth::origin_allowed(origin, host, allowed_origins)) {
        return;
    }
    response.set(http::field::access_control_allow_origin, origin);
    response.set(http::field::access_control_expose_headers, "Content-Disposition, Retry-After");
}

}  // namespace parley::server
