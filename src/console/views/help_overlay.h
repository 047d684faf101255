// The list of keyboard shortcuts, opened from the top bar or with Ctrl+/.
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"

namespace parley::console {

void draw_help_overlay(UiState& ui, FrameOutput& out);

}  // namespace parley::console
