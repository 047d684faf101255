// Reading what a REST client sent: fields of a JSON body, query parameters and path ids, each
// checked for presence, JSON type and size before use. The first problem becomes the 400 the
// client gets (missing_field, wrong_type, invalid_value), naming the field, so handlers read
// everything first and stop once on `ok()`.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/names.h"
#include "server/rest/call.h"

namespace parley::server::rest {

enum class Need { optional, required };

// What a '+' stands for in percent-encoded text: a space in a query string (form encoding), a
// plus in a header value (X-File-Name carries a file name as percent-encoded UTF-8).
enum class Plus { space, plus };

// Undoes %XX escapes; a malformed escape is kept as it stands.
std::string percent_decoded(std::string_view text, Plus plus);

// Texts people type (names, titles): enough for any real one, small enough to show in a list.
inline constexpr std::size_t kNameBytes = 200;
// Free texts the core bounds itself (messages, notes): only a guard against absurd sizes.
inline constexpr std::size_t kTextBytes = 64 * 1024;

class BodyReader {
public:
    BodyReader(Call& call, const nlohmann::json& body);
    // A nested object whose problems go to `parent`; `prefix` names it in messages
    // ("customer." for customer.name).
    BodyReader(BodyReader& parent, const nlohmann::json& body, const std::string& prefix);

    std::optional<std::string> text(const char* name, Need need,
                                    std::size_t max_bytes = kNameBytes);
    std::optional<std::int64_t> integer(const char* name, Need need);
    std::optional<bool> boolean(const char* name, Need need);
    // A list of strings.
    std::optional<std::vector<std::string>> texts(const char* name, Need need,
                                                  std::size_t max_items);
    // An object of string values ({"plan": "pro"}).
    std::optional<std::map<std::string, std::string>> text_map(const char* name, Need need,
                                                               std::size_t max_items);
    // The field as it is, after a presence check; its type is the caller's to check.
    const nlohmann::json* any(const char* name, Need need);

    // Records a problem found by the caller (the first one wins).
    void problem(std::string code, std::string message);
    // Answers the first problem, if any; false when the handler must stop.
    bool ok();

private:
    const nlohmann::json* find(const char* name, Need need);
    void wrong_type(const char* name, const char* expected);
    std::string label(const char* name) const;

    Call& call_;
    BodyReader* parent_ = nullptr;
    const nlohmann::json& body_;
    std::string prefix_;
    std::optional<std::pair<std::string, std::string>> problem_;
};

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
