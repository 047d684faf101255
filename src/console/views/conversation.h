// The centre column: a tab per open chat (Alt+1…9 switches), the selected chat's transcript
// and its composer.
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

void draw_conversation(const ConsoleViewModel& model, UiState& ui, FrameOutput& out);

}  // namespace parley::console
