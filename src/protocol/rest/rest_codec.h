// Encoding and decoding REST bodies (the *_bodies.h structs), by the same schema code as the
// WebSocket messages: the server and the console call these and nothing else, so both sides
// read and write one format. Decoding never throws: a body that is not JSON, lacks a required
// field, has a field of the wrong type or one past its bound (limits.h) gives a ProtocolError
// whose code is the REST error code (malformed_json, missing_field, wrong_type,
// invalid_value, too_large) and whose message names the field.
#pragma once

#include <string>
#include <string_view>

#include "protocol/result.h"

namespace parley::protocol::rest {

// Deterministic JSON (sorted keys, integers as integers); an empty std::optional is left out.
template <class T>
std::string encode(const T& body);

template <class T>
Result<T> decode(std::string_view text);

}  // namespace parley::protocol::rest
