// How chats look over REST: the core's wire JSON of a chat (through protocol::encode_chat, so
// REST and WebSocket clients read one shape), list summaries and the transcript JSON (the text
// transcript is core::transcript_text). Pure functions of the State; callers pass a chat already
// cut down by core::chat_for for its reader.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/actor.h"
#include "core/state.h"

namespace parley::server::rest {

// The chat's wire JSON as `actor` may see it (customers: no notes or staff-only fields).
nlohmann::json chat_json(const core::State& state, const core::Actor& actor,
                         const core::Chat& chat);
// The chat's messages with ids above `after`, in their wire JSON.
nlohmann::json messages_json(const core::Chat& chat, core::MessageId after);
// One row of the staff chat list.
nlohmann::json chat_summary(const core::State& state, const core::Chat& chat);

// The chat JSON plus the names a reader needs to show it without other requests.
nlohmann::json transcript_json(const core::State& state, const core::Actor& actor,
                               const core::Chat& chat);

// At most `max_chars` UTF-8 characters, with "…" when something was cut.
std::string preview(const std::string& text, std::size_t max_chars);

}  // namespace parley::server::rest
