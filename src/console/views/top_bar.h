// The strip across the top: who is signed in, their presence (changed through the core's
// SetPresence), their load against capacity, the connection (reconnecting, delayed) and the
// way out; and the buttons between workspaces the core lets this account open.
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

// Whether the account may have `workspace` open (the core's verdict, carried in `top`).
bool may_open(Workspace workspace, const TopBarView& top);

void draw_top_bar(const ConsoleViewModel& model, UiState& ui, FrameOutput& out);

}  // namespace parley::console
