// Parley's wire format: JSON text for commands, events, rejections and State snapshots
// (protocol errors and the hello/welcome handshake are in handshake.h).
// Every message is one JSON object with a snake_case "type". Encoding is deterministic
// (sorted keys, integers only), so native and wasm builds write the same bytes. Decoding
// never throws and never trusts its input: it returns a value or a ProtocolError.
// Depends on parley_core; nlohmann/json stays an implementation detail of src/protocol.
#pragma once

#include <string>
#include <string_view>

#include "core/commands.h"
#include "core/events.h"
#include "core/rejection.h"
#include "core/state.h"
#include "protocol/result.h"
#include "protocol/version.h"

namespace parley::protocol {

// {"type":"accept_chat","command_id":"c-7","actor":{"kind":"agent","id":"maria"},
//  "at":1700000000000,"chat":1}
std::string encode_command(const core::CommandEnvelope& command);
Result<core::CommandEnvelope> decode_command(std::string_view json_text);

// {"type":"chat_assigned","command_id":"c-7","actor":{...},"at":...,"chat":1,...}
std::string encode_event(const core::EventEnvelope& event);
Result<core::EventEnvelope> decode_event(std::string_view json_text);

// {"type":"rejection","code":"over_capacity","message":"..."}
std::string encode_rejection(const core::Rejection& rejection);
Result<core::Rejection> decode_rejection(std::string_view json_text);

// {"type":"duplicate","command_id":"c-7"}: the id was processed before; the first outcome
// stands and nothing changed.
std::string encode_duplicate(const core::CommandId& command_id);

// {"type":"snapshot","protocol_version":1,"queues":[...],...}: every entity, the id counters
// and the processed command ids. Indexes are not sent; decoding rebuilds them, after
// checking that ids are dense and every reference points at something that exists.
std::string encode_snapshot(const core::State& state);
// A snapshot from the wire is refused past 64 MiB; the server's own stored snapshot (checked
// against its checksum first) passes its own bound, since its State may be larger.
Result<core::State> decode_snapshot(std::string_view json_text);
Result<core::State> decode_snapshot(std::string_view json_text, std::size_t max_bytes);

}  // namespace parley::protocol
