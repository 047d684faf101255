// The History workspace (supervisors and admins): a chat's audit trail, one row per event
// (time, who, what), and beside it the chat as it was after the selected event with its
// transcript so far. Without a chosen chat it offers the chats to pick from by customer name.
// Asks for the history through FrameOutput::call, never over a socket of its own.
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

void draw_history_view(const ConsoleViewModel& model, UiState& ui, FrameOutput& out);

}  // namespace parley::console
