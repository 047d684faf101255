// A supervisor gives the chat on screen to another agent: every enabled account with its
// presence and load, the ones the core would refuse greyed with its reason.
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

void draw_reassign_dialog(const ConsoleViewModel& model, UiState& ui, FrameOutput& out);

}  // namespace parley::console
