// Non-template half of json_fields.h (error sentences, parsing, dumping) and the names of
// result.h's error codes. Depends on nlohmann/json and the standard library only.
#include "protocol/json_fields.h"

namespace parley::protocol {

std::string_view error_code_name(ProtocolErrorCode code) {
    switch (code) {
    case ProtocolErrorCode::malformed_json:
        return "malformed_json";
    case ProtocolErrorCode::unknown_type:
        return "unknown_type";
    case ProtocolErrorCode::missing_field:
        return "missing_field";
    case ProtocolErrorCode::wrong_type:
        return "wrong_type";
    case ProtocolErrorCode::invalid_value:
        return "invalid_value";
    case ProtocolErrorCode::too_large:
        return "too_large";
    case ProtocolErrorCode::version_mismatch:
        return "version_mismatch";
    }
    return "unknown";
}

}  // namespace parley::protocol

namespace parley::protocol::detail {

std::string Path::render() const {
    std::string text = parent ? parent->render() : std::string();
    if (parent == nullptr && key.empty()) {
        return text;
    }
    if (!key.empty()) {
        // A map's key is the sender's text: cut short like any excerpt of input.
        constexpr std::size_t kShownKey = 60;
        text += text.empty() ? "" : ".";
        text += key.size() <= kShownKey ? key : std::string(key.substr(0, kShownKey)) + "...";
    } else {
        text += "[" + std::to_string(index) + "]";
    }
    return text;
}

ProtocolError error_at(ProtocolErrorCode code, const Path& path, std::string_view what) {
    return ProtocolError{code, "Field '" + path.render() + "' " + std::string(what) + "."};
}

std::string excerpt(std::string_view text) {
    constexpr std::size_t kShown = 60;
    return text.size() <= kShown ? "'" + std::string(text) + "'"
                                 : "'" + std::string(text.substr(0, kShown)) + "...'";
}

Problem wrong_type(const Json& json, const Path& path, std::string_view expected) {
    const bool integral_expected = expected == "an integer";
    const char* actual =
        json.is_number_float() && integral_expected ? "a fraction" : json.type_name();
    return error_at(ProtocolErrorCode::wrong_type, path,
                    "must be " + std::string(expected) + ", not " + actual);
}

std::string dump(const Json& json) {
    return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

namespace {

// Bytes of the UTF-8 sequence starting at `at`, or 0 when it is not a well-formed one
// (overlong forms, surrogates and code points past U+10FFFF are not).
std::size_t utf8_sequence(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (at + length > text.size() || byte(at + 1) < low || byte(at + 1) > high) {
        return 0;
    }
    for (std::size_t i = 2; i < length; ++i) {
        if (byte(at + i) < 0x80 || byte(at + i) > 0xBF) {
            return 0;
        }
    }
    return length;
}

}  // namespace

void append_quoted(std::string& out, std::string_view value) {
    constexpr char kHex[] = "0123456789abcdef";
    const std::size_t start = out.size();
    out += '"';
    for (std::size_t at = 0; at < value.size();) {
        const auto c = static_cast<unsigned char>(value[at]);
        if (c >= 0x80) {
            const std::size_t length = utf8_sequence(value, at);
            if (length == 0) {
                out.resize(start);
                out += dump(Json(std::string(value)));
                return;
            }
            out.append(value.substr(at, length));
            at += length;
            continue;
        }
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 0xF];
            } else {
                out += static_cast<char>(c);
            }
        }
        ++at;
    }
    out += '"';
}

void append_number(std::string& out, std::int64_t value) {
    out += std::to_string(value);
}

void append_number(std::string& out, std::uint64_t value) {
    out += std::to_string(value);
}

void append_number(std::string& out, double value) {
    out += dump(Json(value));
}

void append_dumped(std::string& out, const Json& json) {
    out += dump(json);
}

Result<Json> parse_object(std::string_view text, std::size_t max_bytes) {
    if (text.size() > max_bytes) {
        return ProtocolError{ProtocolErrorCode::too_large,
                             "The message is " + std::to_string(text.size()) +
                                 " bytes long; the limit is " + std::to_string(max_bytes) + "."};
    }
    Json json = Json::parse(text, nullptr, false);
    if (json.is_discarded()) {
        return ProtocolError{ProtocolErrorCode::malformed_json, "The message is not valid JSON."};
    }
    if (!json.is_object()) {
        return ProtocolError{
            ProtocolErrorCode::malformed_json,
            std::string("The message must be a JSON object, not ") + json.type_name() + "."};
    }
    return json;
}

Json json_of(bool value) {
    return Json(value);
}

Json json_of(std::int64_t value) {
    return Json(value);
}

Json json_of(std::uint64_t value) {
    return Json(value);
}

Json json_of(double value) {
    return Json(value);
}

Json json_of(const std::string& value) {
    return Json(value);
}

void set_member(Json& object, std::string_view name, Json&& value) {
    object[std::string(name)] = std::move(value);
}

const Json* member_of(const Json& object, std::string_view name) {
    const auto found = object.find(name);
    return found == object.end() ? nullptr : &*found;
}

Problem read_bool(const Json& json, bool& out, const Path& path) {
    if (!json.is_boolean()) {
        return wrong_type(json, path, "true or false");
    }
    out = json.get<bool>();
    return std::nullopt;
}

Problem read_string(const Json& json, std::string& out, const Path& path) {
    if (!json.is_string()) {
        return wrong_type(json, path, "a string");
    }
    out = json.get_ref<const std::string&>();
    return std::nullopt;
}

Problem read_signed(const Json& json, std::int64_t min, std::int64_t max, std::int64_t& out,
                    const Path& path) {
    if (!json.is_number_integer()) {
        return wrong_type(json, path, "an integer");
    }
    const bool fits = json.is_number_unsigned()
                          ? json.get<std::uint64_t>() <= static_cast<std::uint64_t>(max)
                          : json.get<std::int64_t>() >= min && json.get<std::int64_t>() <= max;
    if (!fits) {
        return error_at(ProtocolErrorCode::invalid_value, path, "is out of range");
    }
    out = json.is_number_unsigned() ? static_cast<std::int64_t>(json.get<std::uint64_t>())
                                    : json.get<std::int64_t>();
    return std::nullopt;
}

Problem read_unsigned(const Json& json, std::uint64_t max, std::uint64_t& out, const Path& path) {
    if (!json.is_number_integer()) {
        return wrong_type(json, path, "an integer");
    }
    const bool fits = json.is_number_unsigned()
                          ? json.get<std::uint64_t>() <= max
                          : json.get<std::int64_t>() >= 0 &&
                                static_cast<std::uint64_t>(json.get<std::int64_t>()) <= max;
    if (!fits) {
        return error_at(ProtocolErrorCode::invalid_value, path, "is out of range");
    }
    out = json.is_number_unsigned() ? json.get<std::uint64_t>()
                                    : static_cast<std::uint64_t>(json.get<std::int64_t>());
    return std::nullopt;
}

Problem read_double(const Json& json, double& out, const Path& path) {
    if (!json.is_number()) {
        return wrong_type(json, path, "a number");
    }
    out = json.get<double>();
    return std::nullopt;
}

Problem too_long(const Path& path, std::size_t max, bool bytes) {
    return error_at(
        ProtocolErrorCode::invalid_value, path,
        "must have at most " + std::to_string(max) + (bytes ? " bytes (UTF-8)" : " elements"));
}

Problem key_too_long(const Path& path, std::size_t max) {
    return error_at(ProtocolErrorCode::invalid_value, path,
                    "must have keys of at most " + std::to_string(max) + " bytes (UTF-8)");
}

const std::string* read_name(const Json& json, const Path& path, Problem& problem) {
    if (!json.is_string()) {
        problem = wrong_type(json, path, "a string");
        return nullptr;
    }
    return &json.get_ref<const std::string&>();
}

std::size_t array_size(const Json& json, const Path& path, Problem& problem) {
    if (!json.is_array()) {
        problem = wrong_type(json, path, "an array");
        return 0;
    }
    return json.size();
}

const Json& element_of(const Json& array, std::size_t at) {
    return array[at];
}

Result<std::string> read_type(const Json& object, const Path& path) {
    const Path at = path.member("type");
    const auto found = object.find("type");
    if (found == object.end()) {
        return error_at(ProtocolErrorCode::missing_field, at, "is missing");
    }
    if (!found->is_string()) {
        return *wrong_type(*found, at, "a string");
    }
    return found->get<std::string>();
}

}  // namespace parley::protocol::detail
