// A chat the replica does not hold, opened from All chats (archived: the server keeps it, the
// console's replica only holds live chats): asked for over REST as its transcript and shown
// read-only, the core judging every action against it as it stands (an archived chat takes
// none). No ImGui.
#pragma once

#include "console/api_calls.h"
#include "console/replica.h"

#include <cstdint>
#include <optional>
#include <string>

namespace parley::console {

inline constexpr const char* kArchivedChatCall = "archived_chat";

// GET /api/chats/{chat}/transcript: the chat with its customer's and its authors' names.
std::string archived_chat_path(const core::ChatId& chat);

struct ArchivedChat {
    // The floor's organisation (the replica's agents, queues and settings), the chat and its
    // customer: what the chat view and the core's rules read.
    std::optional<core::State> state;
    core::ChatId chat;
    // Why the chat did not come.
    std::string problem;
    std::uint64_t generation = 0;

    // Takes a new answer from `api`, the one to the request for `asked`.
    void take(const ApiCalls& api, const Replica& replica,
              const std::optional<core::ChatId>& asked);
    const core::Chat* find(const core::ChatId& id) const;
};

}  // namespace parley::console
