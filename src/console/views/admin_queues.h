// The Queues screen: every queue with its routing, members and waiting chats; a form to create
// or edit one (routing mode, delays in minutes and seconds, transfers), its members, and
// enabling or disabling it.
#pragma once

#include "console/admin_model.h"
#include "console/admin_state.h"
#include "console/frame_output.h"

namespace parley::console {

void draw_admin_queues(const AdminView& view, AdminState& admin, FrameOutput& out);

}  // namespace parley::console
