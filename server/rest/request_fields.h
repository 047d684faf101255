// Reading what a REST client sent besides its body (bodies are decoded by the contract,
// Call::body_as): query parameters and percent-encoded header values, each checked before
// use; a bad one becomes the 400 the client gets, naming the parameter.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/names.h"
#include "server/rest/call.h"

namespace parley::server::rest {

// What a '+' stands for in percent-encoded text: a space in a query string (form encoding), a
// plus in a header value (X-File-Name carries a file name as percent-encoded UTF-8).
enum class Plus { space, plus };

// Undoes %XX escapes; a malformed escape is kept as it stands.
std::string percent_decoded(std::string_view text, Plus plus);

// Query parameter `name` as an integer: nothing when absent; a 400 answer and false when it
// is present but not an integer within [min, max].
bool query_integer(Call& call, const char* name, std::int64_t min, std::int64_t max,
                   std::optional<std::int64_t>& out);

// Query parameter `name` as one of the core's enum names: nothing when absent; a 400 answer and
// false when it names no value.
template <class E>
bool query_enum(Call& call, const char* name, std::optional<E>& out) {
    const auto text = call.query(name);
    if (!text) {
        return true;
    }
    out = core::parse<E>(*text);
    if (!out) {
        call.fail(boost::beast::http::status::bad_request, "invalid_value",
                  "The query parameter " + std::string(name) + " has no value '" + *text + "'.");
        return false;
    }
    return true;
}

}  // namespace parley::server::rest
