// The sign-in card: agent name and password, why the agent is asked (session expired, signed
// out) and what went wrong with the last attempt.
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

void draw_sign_in_view(const ConsoleViewModel& model, UiState& ui, FrameOutput& out);

}  // namespace parley::console
