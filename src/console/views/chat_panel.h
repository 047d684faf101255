// The right column: who the customer is (contact, company, earlier chats, ticket), what the
// bot learnt before the hand-off, the chat's details, and its actions. Each action button is
// enabled by the core and, when disabled, says the core's reason on hover.
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

void draw_chat_panel(const ChatView& chat, UiState& ui, FrameOutput& out);

}  // namespace parley::console
