// Link ticket: the assignee picks one of the customer's open tickets for this chat. The core
// judges the choice (same customer, still open, chat without a ticket).
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

void draw_link_ticket_dialog(const ConsoleViewModel& model, UiState& ui, FrameOutput& out);

}  // namespace parley::console
