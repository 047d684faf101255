// "Continue by email": a subject and a message to the customer's address, sent by the server's
// mail relay and recorded in the chat.
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

void draw_email_dialog(const ConsoleViewModel& model, UiState& ui, FrameOutput& out);

}  // namespace parley::console
