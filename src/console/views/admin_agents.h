// The Agents screen: every staff account with its role, company, queues, capacity and presence;
// forms to edit a profile, capacity, queues and password, to disable or enable an account, and
// to create one (over REST, with its password).
#pragma once

#include "console/admin_model.h"
#include "console/admin_state.h"
#include "console/frame_output.h"

namespace parley::console {

void draw_admin_agents(const AdminView& view, AdminState& admin, FrameOutput& out);

}  // namespace parley::console
