#include "server/security_headers.h"

namespace parley::server {
namespace http = boost::beast::http;

namespace {

constexpr const char* kPagePolicy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self'; media-src 'self' blob: data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

// Anything else opened as a document (a JSON answer, a script viewed directly) runs nothing.
constexpr const char* kResourcePolicy = "default-src 'none'; frame-ancestors 'none'";

}  // namespace

void add_security_headers(http::response_header<>& response) {
    response.set("Referrer-Policy", "no-referrer");
    response.set("X-Content-Type-Options", "nosniff");
    if (response.find("Content-Security-Policy") != response.end()) {
        return;
    }
    const bool page = response[http::field::content_type].starts_with("text/html");
    response.set("Content-Security-Policy", page ? kPagePolicy : kResourcePolicy);
    if (page) {
        // For browsers older than frame-ancestors.
        response.set(http::field::x_frame_options, "DENY");
    }
}

}  // namespace parley::server
