// The published contract: an OpenAPI 3.1 document of every REST operation (contract.h) with
// the JSON Schema of every body, and a JSON Schema per WebSocket message (the client's
// commands, the events, the handshake), all generated from the structs and their wire
// descriptions, so integrators can generate clients. Served at GET /api/openapi.json.
#pragma once

#include <string>
#include <string_view>

namespace parley::protocol::rest {

std::string openapi_document(std::string_view server_version);

}  // namespace parley::protocol::rest
