// The API keys screen: the integrations' keys (over REST), creating one (its secret shown once,
// with a Copy button) and revoking.
#pragma once

#include "console/admin_model.h"
#include "console/admin_state.h"
#include "console/frame_output.h"

namespace parley::console {

void draw_admin_api_keys(const AdminView& view, AdminState& admin, FrameOutput& out);

}  // namespace parley::console
