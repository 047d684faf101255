#include "server/base/http_responses.h"

#include <nlohmann/json.hpp>
#include <utility>

namespace parley::server {

namespace http = boost::beast::http;

HttpResponse json_response(unsigned http_version, http::status status, std::string body) {
    HttpResponse response{status, http_version};
    response.set(http::field::server, "parley-server/" PARLEY_VERSION);
    response.set(http::field::content_type, "application/json");
    response.set(http::field::cache_control, "no-store");
    response.set("X-Content-Type-Options", "nosniff");
    response.body() = std::move(body);
    response.prepare_payload();
    return response;
}

HttpResponse error_response(unsigned http_version, http::status status, std::string_view code,
                            std::string_view message) {
    const nlohmann::json body = {{"code", code}, {"message", message}};
    return json_response(http_version, status, body.dump());
}

}  // namespace parley::server
