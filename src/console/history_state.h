// Widget state of the History workspace: which chat's history was asked for, which event is
// selected, and the customer search of the chat picker. No domain facts.
#pragma once

#include "core/ids.h"

#include <cstddef>
#include <optional>
#include <string>

namespace parley::console {

struct HistoryState {
    // The chat whose history the view last asked the server for; it asks again when the chat
    // to show (UiState::history_chat) is another.
    std::optional<core::ChatId> fetched;
    // The selected event's position; none: the latest.
    std::optional<std::size_t> selected;
    std::string search;
    // The picker's last request, asked again when the search changes.
    std::string picks_asked;
};

}  // namespace parley::console
