// HTTP routing. Errors are JSON bodies {"code", "message"} like every other error Parley sends.
#include "server/http_handler.h"

#include "server/base/http_responses.h"

#include "protocol/version.h"

#include <nlohmann/json.hpp>

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
    auto response = error_response(request.version(), status, code, message);
    response.keep_alive(request.keep_alive());
    return response;
}

HttpResponse health(const HttpRequest& request) {
    std::string body = "{\"status\":\"ok\",\"version\":\"" PARLEY_VERSION
                       "\",\"protocol_version\":" +
                       std::to_string(protocol::kProtocolVersion) + "}";
    auto response = make_response(request, http::status::ok, "application/json", std::move(body));
    response.set(http::field::cache_control, "no-store");
    return response;
}

// Caching headers, on 200 and 304 alike so a revalidated copy keeps its rules.
void set_cache_headers(HttpResponse& response, const StaticFile& file) {
    response.set(http::field::cache_control, file.cache_control);
    response.set(http::field::etag, file.etag);
    if (file.vary_accept_encoding) {
        response.set(http::field::vary, "Accept-Encoding");
    }
}

HttpResponse static_file(const HttpRequest& request, const StaticFiles& files) {
    auto file = files.find(request.target(), request[http::field::accept_encoding]);
    if (!file) {
        return json_error(request, http::status::not_found, "not_found",
                          "There is no such page on this Parley server.");
    }
    if (request[http::field::if_none_match] == file->etag) {
        auto response = make_response(request, http::status::not_modified, file->content_type, {});
        set_cache_headers(response, *file);
        return response;
    }
    const bool head = request.method() == http::verb::head;
    const std::size_t size = file->body.size();
    auto response = make_response(request, http::status::ok, file->content_type,
                                  head ? std::string{} : std::move(file->body));
    if (head) {
        response.content_length(size);
    }
    if (!file->content_encoding.empty()) {
        response.set(http::field::content_encoding, file->content_encoding);
    }
    set_cache_headers(response, *file);
    return response;
}

}  // namespace

HttpResponse handle_http(const HttpRequest& request, const StaticFiles& files) {
    if (request.method() != http::verb::get && request.method() != http::verb::head) {
        auto response = json_error(request, http::status::method_not_allowed, "method_not_allowed",
                                   "Only GET and HEAD are served here.");
        response.set(http::field::allow, "GET, HEAD");
        return response;
    }
    if (request.target() == "/healthz") {
        return health(request);
    }
    return static_file(request, files);
}

HttpResponse handle_http(const HttpRequest& request, Services& services) {
    if (request.target() == "/healthz" && !services.started.load()) {
        auto response = json_error(request, http::status::service_unavailable, "starting",
                                   "The server is starting (creating its demo organisation); "
                                   "ask again in a moment.");
        response.set(http::field::retry_after, "1");
        return response;
    }
    return handle_http(request, *services.static_files);
}

std::string render_metrics(Services& services) {
    std::string text = services.metrics.render();
    text +=
        "# HELP parley_connections Open WebSocket connections.\n"
        "# TYPE parley_connections gauge\n"
        "parley_connections " +
        std::to_string(services.connections.size()) + "\n";
    text +=
        "# HELP parley_queue_waiting Chats waiting in each queue.\n"
        "# TYPE parley_queue_waiting gauge\n";
    for (const QueueFigures& queue : services.authority.queue_figures()) {
        std::string name;
        for (const char c : queue.name) {
            if (c == '\\' || c == '"') {
                name += '\\';
            }
            name += c == '\n' ? ' ' : c;
        }
        text +=
            "parley_queue_waiting{queue=\"" + name + "\"} " + std::to_string(queue.waiting) + "\n";
    }
    return text;
}

}  // namespace parley::server
