// The admin Outages screen: the current and upcoming outages on the left; on the right the
// chosen one's form (title, affected service, start and length in minutes from now, the
// queues that greet new customers with it), published and withdrawn over REST.
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

void draw_admin_outages(const ConsoleViewModel& model, UiState& ui, FrameOutput& out);

}  // namespace parley::console
