// The Floor workspace: alerts that need a supervisor now, every queue's waiting and answered
// chats with its online agents' load as bars, and every agent's presence and load.
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

void draw_floor_view(const ConsoleViewModel& model, UiState& ui, FrameOutput& out);

}  // namespace parley::console
