// The Settings screen: the organisation's company filter, retention, message length and
// attachment limits and types, edited as a whole and saved with one UpdateSettings.
#pragma once

#include "console/admin_model.h"
#include "console/admin_state.h"
#include "console/frame_output.h"

namespace parley::console {

void draw_admin_settings(const AdminView& view, AdminState& admin, FrameOutput& out);

}  // namespace parley::console
