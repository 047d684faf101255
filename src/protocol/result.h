// Result<T>: a decoded value or a ProtocolError saying, in a sentence, what was wrong with
// the input. Decoders return this instead of throwing, so bad bytes from a socket can never
// take a process down. Standard library only.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace parley::protocol {

enum class ProtocolErrorCode {
    malformed_json,   // not JSON at all, or not a JSON object
    unknown_type,     // "type" names no message this protocol knows
    missing_field,    // a required field is absent
    wrong_type,       // a field has the wrong JSON type (string for a number, ...)
    invalid_value,    // right JSON type, but not an allowed value (unknown enum name, ...)
    too_large,        // the message exceeds kMaxMessageBytes
    version_mismatch  // a snapshot written by another protocol version
};

std::string_view error_code_name(ProtocolErrorCode code);

struct ProtocolError {
    ProtocolErrorCode code;
    std::string message;

    bool operator==(const ProtocolError&) const = default;
};

template <class T>
class Result {
public:
    Result(T value) : content_(std::move(value)) {}
    Result(ProtocolError error) : content_(std::move(error)) {}

    bool ok() const { return content_.index() == 0; }
    explicit operator bool() const { return ok(); }

    // Precondition: ok().
    const T& value() const& { return std::get<0>(content_); }
    T& value() & { return std::get<0>(content_); }
    T&& value() && { return std::get<0>(std::move(content_)); }

    // Precondition: !ok().
    const ProtocolError& error() const { return std::get<1>(content_); }

private:
    std::variant<T, ProtocolError> content_;
};

}  // namespace parley::protocol
