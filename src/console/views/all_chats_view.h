// All chats: a sortable table of every chat the agent may see (customer, operator, channel,
// status, created, last message) with search and filters; a row opens the chat's transcript
// in the desk, read-only unless the core lets this agent write in it. ImGuiListClipper keeps
// 100,000 rows smooth.
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

void draw_all_chats(const ConsoleViewModel& model, UiState& ui, FrameOutput& out);

}  // namespace parley::console
