#include "core/roles.h"

namespace parley::core {

const Agent* staff_of(const State& state, const Actor& actor) {
    if (actor.kind != ActorKind::agent)
        return nullptr;
    const Agent* agent = state.find_agent(actor.id);
    return agent && agent->enabled ? agent : nullptr;
}

bool is_supervisor(const Agent& agent) {
    return agent.profile.role != Role::agent;
}

bool is_admin(const Agent& agent) {
    return agent.profile.role == Role::admin;
}

bool acts_with_role(const State& state, const Actor& actor, Role at_least) {
    const Agent* agent = staff_of(state, actor);
    if (agent == nullptr)
        return false;
    switch (at_least) {
    case Role::agent:
        return true;
    case Role::supervisor:
        return is_supervisor(*agent);
    case Role::admin:
        return is_admin(*agent);
    }
    return false;
}

}  // namespace parley::core
