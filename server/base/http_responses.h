// The JSON answers every part of the server gives over HTTP, with the same headers.
#pragma once

#include <boost/beast/http.hpp>
#include <string>
#include <string_view>

namespace parley::server {

using HttpRequest = boost::beast::http::request<boost::beast::http::string_body>;
using HttpResponse = boost::beast::http::response<boost::beast::http::string_body>;

HttpResponse json_response(unsigned http_version, boost::beast::http::status status,
                           std::string body);
// Every error Parley answers over HTTP: {"code": ..., "message": ...}.
HttpResponse error_response(unsigned http_version, boost::beast::http::status status,
                            std::string_view code, std::string_view message);

}  // namespace parley::server
