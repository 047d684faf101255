// Who is acting: the staff account behind an actor and what its role allows. Public, so the
// server's REST routes and feeds ask the core instead of comparing roles themselves.
#pragma once

#include "core/actor.h"
#include "core/model.h"
#include "core/state.h"

namespace parley::core {

// The enabled staff account behind an agent actor, or null.
const Agent* staff_of(const State& state, const Actor& actor);
// Supervisors and admins.
bool is_supervisor(const Agent& agent);
bool is_admin(const Agent& agent);
// Whether the actor is enabled staff whose role is `at_least` or above (agent < supervisor <
// admin).
bool acts_with_role(const State& state, const Actor& actor, Role at_least);

}  // namespace parley::core
