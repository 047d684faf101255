// Wire descriptions of the handshake messages, shared by the handshake and session codecs.
// Private to src/protocol.
#pragma once

#include "protocol/core_schema.h"
#include "protocol/handshake.h"
#include "protocol/json_fields.h"

namespace parley::protocol::detail {

template <>
inline constexpr auto kSchema<Hello> = tagged("hello",
                                              field("protocol_version", &Hello::protocol_version),
                                              field("client", &Hello::client),
                                              field("token", &Hello::token),
                                              field("resume_from", &Hello::resume_from));

template <>
inline constexpr auto kSchema<Welcome> =
    tagged("welcome", field("protocol_version", &Welcome::protocol_version),
           field("server_version", &Welcome::server_version), field("actor", &Welcome::actor),
           field("seq", &Welcome::seq));

template <>
inline constexpr auto kSchema<WireError> = tagged("error", field("code", &WireError::code),
                                                  field("message", &WireError::message));

}  // namespace parley::protocol::detail
