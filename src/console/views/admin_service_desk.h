// Admin workspace: Service desk. The outgoing webhook that exports tickets to an external
// service desk (URL, signing secret, on or off) and its delivery log with every attempt's
// outcome. Reads the admin view model; changes go out as REST calls.
#pragma once

#include "console/admin_model.h"
#include "console/frame_output.h"

namespace parley::console {

void draw_admin_service_desk(const AdminView& view, AdminState& admin, FrameOutput& out);

}  // namespace parley::console
