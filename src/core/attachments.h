// Whether a file may be added to a chat now. An upload is only ever posted in a message, so
// it is allowed exactly when decide() would take a message from this actor in this chat: the
// server asks before it keeps the bytes, and a closed chat takes no files. Standard library
// only.
#pragma once

#include <optional>

#include "core/actor.h"
#include "core/rejection.h"
#include "core/state.h"

namespace parley::core {

// Why decide() would refuse the actor's message in the chat (chat_closed, not_assignee, ...);
// nothing when a message with a file would be taken.
std::optional<Rejection> may_attach(const State& state, const Actor& actor, const ChatId& chat,
                                    Timestamp at);

}  // namespace parley::core
