// HTTP routing. Errors are JSON bodies {"code", "message"} like every other error Parley sends.
#include "server/http_handler.h"

#include "protocol/version.h"

#include <string>

namespace parley::server {
namespace http = boost::beast::http;

namespace {

HttpResponse make_response(const HttpRequest& request, http::status status,
                           std::string_view content_type, std::string body) {
    HttpResponse response{status, request.version()};
    response.set(http::field::server, "parley-server/" PARLEY_VERSION);
    response.set(http::field::content_type, content_type);
    response.set("X-Content-Type-Options", "nosniff");
    response.keep_alive(request.keep_alive());
    response.body() = std::move(body);
    response.prepare_payload();
    return response;
}

HttpResponse json_error(const HttpRequest& request, http::status status, std::string_view code,
                        std::string_view message) {
    std::string body = "{\"code\":\"";
    body += code;
    body += "\",\"message\":\"";
    body += message;
    body += "\"}";
    return make_response(request, status, "application/json", std::move(body));
}

HttpResponse health(const HttpRequest& request) {
    std::string body = "{\"status\":\"ok\",\"version\":\"" PARLEY_VERSION
                       "\",\"protocol_version\":" +
                       std::to_string(protocol::kProtocolVersion) + "}";
    auto response = make_response(request, http::status::ok, "application/json", std::move(body));
    response.set(http::field::cache_control, "no-store");
    return response;
}

HttpResponse static_file(const HttpRequest& request, const StaticFiles& files) {
    auto file = files.find(request.target());
    if (!file) {
        return json_error(request, http::status::not_found, "not_found",
                          "There is no such page on this Parley server.");
    }
    if (request[http::field::if_none_match] == file->etag) {
        auto response = make_response(request, http::status::not_modified, file->content_type, {});
        response.set(http::field::etag, file->etag);
        return response;
    }
    const bool head = request.method() == http::verb::head;
    const std::size_t size = file->body.size();
    auto response = make_response(request, http::status::ok, file->content_type,
                                  head ? std::string{} : std::move(file->body));
    if (head) {
        response.content_length(size);
    }
    // Names do not change with content, so browsers must revalidate; the ETag keeps that cheap.
    response.set(http::field::cache_control, "no-cache");
    response.set(http::field::etag, file->etag);
    return response;
}

}  // namespace

HttpResponse handle_http(const HttpRequest& request, const StaticFiles& files) {
    if (request.method() != http::verb::get && request.method() != http::verb::head) {
        auto response = json_error(request, http::status::method_not_allowed,
                                   "method_not_allowed", "Only GET and HEAD are served here.");
        response.set(http::field::allow, "GET, HEAD");
        return response;
    }
    if (request.target() == "/healthz") {
        return health(request);
    }
    return static_file(request, files);
}

}  // namespace parley::server
