// The Admin workspace: a tab bar (Queues | Agents | Canned responses | Settings | API keys) over
// one screen per file (admin_*.cpp). Shown only to accounts the core lets administer; every
// change it makes is a command (or an admin REST call) the server checks again.
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

void draw_admin(const ConsoleViewModel& model, UiState& ui, FrameOutput& out);

}  // namespace parley::console
