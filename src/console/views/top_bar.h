// The strip across the top: who is signed in, their presence (changed through the core's
// SetPresence), their load against capacity, the connection (reconnecting, delayed) and the
// way out.
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

void draw_top_bar(const ConsoleViewModel& model, UiState& ui, FrameOutput& out);

}  // namespace parley::console
