// How chats look over REST, as bodies of the contract (src/protocol/rest/chat_bodies.h): the
// chat as the WebSocket carries it, list rows and the transcript's names (the text transcript
// is core::transcript_text). Pure functions of the State; callers check who may see the chat.
#pragma once

#include <string>

#include "core/actor.h"
#include "core/state.h"
#include "protocol/rest/chat_bodies.h"

namespace parley::server::rest {

// The chat as `actor` may see it (customers: no notes or staff-only fields), and while it
// waits, its place in the queue.
protocol::rest::ChatAnswer chat_answer(const core::State& state, const core::Actor& actor,
                                       const core::Chat& chat);
// The messages `actor` may see with ids above `after`, and the chat's status.
protocol::rest::MessagesAnswer messages_after(const core::State& state, const core::Actor& actor,
                                              const core::Chat& chat, core::MessageId after);
// One row of the staff chat list.
protocol::rest::ChatRow chat_row(const core::State& state, const core::Chat& chat);

// The chat plus the names a reader needs to show it without other requests.
protocol::rest::TranscriptAnswer transcript_answer(const core::State& state,
                                                   const core::Actor& actor,
                                                   const core::Chat& chat);

}  // namespace parley::server::rest
