// The composer under the transcript: multi-line, Enter sends and Shift+Enter starts a new
// line, "/" opens the canned responses filtered as you type (Tab or a click puts one in with
// its placeholders filled), a switch to internal-note mode, and the agent's typing indicator.
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

void draw_composer(const ConsoleViewModel& model, const ChatView& chat, UiState& ui,
                   FrameOutput& out);

}  // namespace parley::console
