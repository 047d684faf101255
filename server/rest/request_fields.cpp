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

BodyReader::BodyReader(Call& call, const nlohmann::json& body) : call_(call), body_(body) {}

BodyReader::BodyReader(BodyReader& parent, const nlohmann::json& body, const std::string& prefix)
    : call_(parent.call_), parent_(&parent), body_(body), prefix_(parent.prefix_ + prefix) {}

std::string BodyReader::label(const char* name) const {
    return prefix_ + name;
}

void BodyReader::problem(std::string code, std::string message) {
    if (parent_) {
        parent_->problem(std::move(code), std::move(message));
    } else if (!problem_) {
        problem_.emplace(std::move(code), std::move(message));
    }
}

void BodyReader::wrong_type(const char* name, const char* expected) {
    problem("wrong_type", "The field " + label(name) + " must be " + expected + ".");
}

const nlohmann::json* BodyReader::find(const char* name, Need need) {
    const auto found = body_.find(name);
    if (found == body_.end() || found->is_null()) {
        if (need == Need::required) {
            problem("missing_field", "The field " + label(name) + " is required.");
        }
        return nullptr;
    }
    return &*found;
}

const nlohmann::json* BodyReader::any(const char* name, Need need) {
    return find(name, need);
}

std::optional<std::string> BodyReader::text(const char* name, Need need, std::size_t max_bytes) {
    const nlohmann::json* value = find(name, need);
    if (!value) {
        return std::nullopt;
    }
    if (!value->is_string()) {
        wrong_type(name, "a string");
        return std::nullopt;
    }
    const auto& text = value->get_ref<const std::string&>();
    if (text.size() > max_bytes) {
        problem("invalid_value", "The field " + label(name) + " is longer than " +
                                     std::to_string(max_bytes) + " bytes.");
        return std::nullopt;
    }
    return text;
}

std::optional<std::int64_t> BodyReader::integer(const char* name, Need need) {
    const nlohmann::json* value = find(name, need);
    if (!value) {
        return std::nullopt;
    }
    if (value->is_number_unsigned() &&
        value->get<std::uint64_t>() >
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        problem("invalid_value", "The field " + label(name) + " is too large.");
        return std::nullopt;
    }
    if (!value->is_number_integer()) {
        wrong_type(name, "an integer");
        return std::nullopt;
    }
    return value->get<std::int64_t>();
}

std::optional<bool> BodyReader::boolean(const char* name, Need need) {
    const nlohmann::json* value = find(name, need);
    if (!value) {
        return std::nullopt;
    }
    if (!value->is_boolean()) {
        wrong_type(name, "true or false");
        return std::nullopt;
    }
    return value->get<bool>();
}

std::optional<std::vector<std::string>> BodyReader::texts(const char* name, Need need,
                                                          std::size_t max_items) {
    const nlohmann::json* value = find(name, need);
    if (!value) {
        return std::nullopt;
    }
    if (!value->is_array()) {
        wrong_type(name, "a list of strings");
        return std::nullopt;
    }
    if (value->size() > max_items) {
        problem("invalid_value", "The field " + label(name) + " holds more than " +
                                     std::to_string(max_items) + " entries.");
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (const auto& item : *value) {
        if (!item.is_string() || item.get_ref<const std::string&>().size() > kNameBytes) {
            wrong_type(name, "a list of short strings");
            return std::nullopt;
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

std::optional<std::map<std::string, std::string>> BodyReader::text_map(const char* name, Need need,
                                                                       std::size_t max_items) {
    const nlohmann::json* value = find(name, need);
    if (!value) {
        return std::nullopt;
    }
    if (!value->is_object()) {
        wrong_type(name, "an object of strings");
        return std::nullopt;
    }
    if (value->size() > max_items) {
        problem("invalid_value", "The field " + label(name) + " holds more than " +
                                     std::to_string(max_items) + " entries.");
        return std::nullopt;
    }
    std::map<std::string, std::string> out;
    for (const auto& [key, item] : value->items()) {
        if (!item.is_string() || key.size() > kNameBytes ||
            item.get_ref<const std::string&>().size() > kTextBytes) {
            wrong_type(name, "an object of strings");
            return std::nullopt;
        }
        out[key] = item.get<std::string>();
    }
    return out;
}

bool BodyReader::ok() {
    if (parent_) {
        return parent_->ok();
    }
    if (!problem_) {
        return true;
    }
    call_.fail(http::status::bad_request, problem_->first, problem_->second);
    return false;
}

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
