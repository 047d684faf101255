// Builds the frame's view model from the session, the connection and the widget state. Every
// "may I?" comes from the core (queries.h, decide's evaluate); this file only arranges
// answers and formats names, times and previews. No ImGui.
#pragma once

#include "console/connection.h"
#include "console/session.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

ConsoleViewModel build_view_model(const Session& session, const ConnectionView& connection,
                                  const UiState& ui, core::Timestamp now, double seconds,
                                  AllChats& all_chats);

// Customer messages in `chat` after the first `seen` messages.
int unread_count(const core::Chat& chat, std::size_t seen);

}  // namespace parley::console
