// Close (End chat): a resolution category, notes, and whether to resolve the linked ticket.
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

void draw_close_dialog(const ConsoleViewModel& model, UiState& ui, FrameOutput& out);

}  // namespace parley::console
