// Answers the plain HTTP requests that are not the REST API: health, Prometheus metrics and
// the web console's static files. Pure request → response, so it is tested without sockets.
#pragma once

#include <boost/beast/http.hpp>
#include <string>
#include <string_view>

#include "server/base/http_responses.h"
#include "server/services.h"
#include "server/static_files.h"

namespace parley::server {

HttpResponse handle_http(const HttpRequest& request, const StaticFiles& files);
HttpResponse handle_http(const HttpRequest& request, Services& services);

// Prometheus text: the registry, plus per-queue figures and live connections.
std::string render_metrics(Services& services);

}  // namespace parley::server
