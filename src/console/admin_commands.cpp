#include "console/admin_commands.h"

namespace parley::console {

core::Command queue_command(const QueueForm& form) {
    if (form.queue) {
        return core::UpdateQueue{*form.queue, form.config};
    }
    return core::CreateQueue{form.config};
}

core::UpdateAgent profile_command(const AgentForm& form) {
    return core::UpdateAgent{form.agent, form.profile};
}

core::SetCapacity capacity_command(const AgentForm& form) {
    return core::SetCapacity{form.agent, form.capacity};
}

core::CreateAgent create_agent_command(const NewAgentForm& form) {
    return core::CreateAgent{form.agent, form.profile, form.capacity};
}

core::Command canned_command(const CannedForm& form) {
    if (form.id) {
        return core::UpdateCannedResponse{*form.id, form.title, form.shortcut, form.text};
    }
    return core::CreateCannedResponse{form.title, form.shortcut, form.text, form.personal};
}

}  // namespace parley::console
