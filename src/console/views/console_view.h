// The whole window: the sign-in card, the connection card while there is no session, or the
// desk (top bar, lists, conversation, chat panel, dialogs, shortcuts).
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

// Draws the whole window from the view model (full-screen, no decorations).
void draw_console(const ConsoleViewModel& model, UiState& ui, FrameOutput& out);

}  // namespace parley::console
