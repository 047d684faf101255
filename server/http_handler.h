// Answers one plain HTTP request (everything that is not a WebSocket upgrade): health, and the
// web console's static files. Pure request → response, so it is tested without sockets.
#pragma once

#include "server/static_files.h"

#include <boost/beast/http.hpp>

namespace parley::server {

using HttpRequest = boost::beast::http::request<boost::beast::http::string_body>;
using HttpResponse = boost::beast::http::response<boost::beast::http::string_body>;

HttpResponse handle_http(const HttpRequest& request, const StaticFiles& files);

}  // namespace parley::server
