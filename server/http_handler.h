// Answers the plain HTTP requests that are not the REST API: health, Prometheus metrics and
// the web console's static files. Pure request → response, so it is tested without sockets.
#pragma once

#include <boost/beast/http.hpp>
#include <string>
#include <string_view>

#include "server/services.h"
#include "server/static_files.h"

namespace parley::server {

using HttpRequest = boost::beast::http::request<boost::beast::http::string_body>;
using HttpResponse = boost::beast::http::response<boost::beast::http::string_body>;

HttpResponse handle_http(const HttpRequest& request, const StaticFiles& files);
HttpResponse handle_http(const HttpRequest& request, Services& services);

// Every error Parley answers over HTTP: {"code": ..., "message": ...}.
HttpResponse error_response(unsigned http_version, boost::beast::http::status status,
                            std::string_view code, std::string_view message);
HttpResponse json_response(unsigned http_version, boost::beast::http::status status,
                           std::string body);

// Prometheus text: the registry, plus per-queue figures and live connections.
std::string render_metrics(Services& services);

}  // namespace parley::server
