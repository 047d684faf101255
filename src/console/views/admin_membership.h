// Queue membership in the Admin workspace's forms: a queue's members, or an agent's queues,
// each row saying whether the agent is in the queue, with Add or Remove as the core allows.
#pragma once

#include "console/admin_model.h"
#include "console/frame_output.h"

#include <vector>

namespace parley::console {

// What each row names: the agents of one queue, or the queues of one agent.
enum class Listed { agents, queues };

void draw_memberships(const char* heading, const std::vector<Membership>& rows, Listed listed,
                      FrameOutput& out);

}  // namespace parley::console
