// The dialogs that ask for one text: reject an offer or decline a transfer (reason), cancel
// (reason), abandon (notes), request a supervisor (reason), create a ticket (summary, kind).
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

void draw_reason_dialog(const ConsoleViewModel& model, UiState& ui, FrameOutput& out);

}  // namespace parley::console
