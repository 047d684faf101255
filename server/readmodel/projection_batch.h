// One write of the read model: the chats that changed and the messages posted since the last
// one, and the event it is complete through.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/readmodel/chat_projection.h"

namespace parley::server::readmodel {

struct ChatChange {
    ChatProjection chat;
    // Set when the chat started in this batch: its place in the list (the seq of its start)
    // and what its customer is found by.
    std::optional<std::uint64_t> position;
    std::string customer_text;
};

struct PostedText {
    core::ChatId chat;
    MessageText text;
};

struct ProjectionBatch {
    std::uint64_t through = 0;
    std::vector<ChatChange> chats;
    std::vector<PostedText> messages;
    // Chats that left the live State: their rows stay, marked archived.
    std::vector<core::ChatId> archived;
};

}  // namespace parley::server::readmodel
