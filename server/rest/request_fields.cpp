// Field checks for REST requests: JSON types are tested before any value is read, so a body
// of the wrong shape becomes a 400 and never an exception.
#include "server/rest/request_fields.h"

#include <charconv>
#include <limits>

namespace parley::server::rest {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

}  // namespace

std::string percent_decoded(std::string_view text, Plus plus) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
            hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += text[i] == '+' && plus == Plus::space ? ' ' : text[i];
        }
    }
    return out;
}
namespace http = boost::beast::http;

bool query_integer(Call& call, const char* name, std::int64_t min, std::int64_t max,
                   std::optional<std::int64_t>& out) {
    const std::optional<std::string> text = call.query(name);
    if (!text) {
        return true;
    }
    std::int64_t value = 0;
    const char* end = text->data() + text->size();
    const auto [stop, error] = std::from_chars(text->data(), end, value);
    if (text->empty() || error != std::errc() || stop != end || value < min || value > max) {
        call.fail(http::status::bad_request, "invalid_value",
                  "The query parameter " + std::string(name) + " must be an integer from " +
                      std::to_string(min) + " to " + std::to_string(max) + ".");
        return false;
    }
    out = value;
    return true;
}

}  // namespace parley::server::rest
