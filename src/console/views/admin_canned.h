// The Canned responses screen: shared and personal responses; a form to create or edit one, and
// deleting.
#pragma once

#include "console/admin_model.h"
#include "console/admin_state.h"
#include "console/frame_output.h"

namespace parley::console {

void draw_admin_canned(const AdminView& view, AdminState& admin, FrameOutput& out);

}  // namespace parley::console
