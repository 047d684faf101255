// The Analytics workspace: the core's service figures per day, queue, agent or channel over a
// chosen range, one of them as a chart (a line per day, bars otherwise), all of them in a
// table beside it with the totals, and the same figures as a CSV download.
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

void draw_analytics_view(const ConsoleViewModel& model, UiState& ui, FrameOutput& out);

}  // namespace parley::console
