// The left column: tabs Queue, Transferred and My chats with their counts. Queue rows offer
// Accept (and Reject with a countdown when the chat is offered to this agent), with "Accept
// next" on top; transferred rows say who sent them and show the side note.
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

void draw_chat_lists(const ConsoleViewModel& model, UiState& ui, FrameOutput& out);

}  // namespace parley::console
