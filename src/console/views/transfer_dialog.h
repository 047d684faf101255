// Transfer: to an agent (the core's candidates under the company filter, with presence and
// load) or to a queue that takes transfers, with a side note for whoever gets it.
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

void draw_transfer_dialog(const ConsoleViewModel& model, UiState& ui, FrameOutput& out);

}  // namespace parley::console
