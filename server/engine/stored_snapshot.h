// The snapshot the authority stores: the core State plus the chat versions the log needs, as
// JSON compressed with zlib (JSON of a State compresses about tenfold, and start-up reads it
// back faster than the disk would give the text). A payload that is plain JSON (snapshots
// written before compression) still loads.
#pragma once

#include <optional>
#include <string>

#include "core/state.h"
#include "engine/engine.h"
#include "server/store/store.h"

namespace parley::server {

std::string encode_stored_snapshot(const core::State& state,
                                   const engine::ChatVersions& chat_versions);
std::optional<StoreError> decode_stored_snapshot(const std::string& payload, core::State& state,
                                                 engine::ChatVersions& chat_versions);

}  // namespace parley::server
