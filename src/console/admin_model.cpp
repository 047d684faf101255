#include "console/admin_model.h"

#include "console/admin_commands.h"
#include "core/decide.h"

namespace parley::console {

namespace {

// The core's verdict on `command` from this admin now, as a button shows it.
ActionState verdict(const core::State& state, const core::Actor& actor, core::Timestamp now,
                    core::Command command) {
    const core::Decision decision = core::evaluate(state, {"probe", actor, now, std::move(command)});
    ActionState action;
    action.allowed = decision.accepted();
    if (decision.rejection) {
        action.reason = decision.rejection->message;
    }
    return action;
}

core::Command membership_command(core::QueueId queue, const core::AgentId& agent, bool member) {
    if (member) {
        return core::RemoveQueueMember{queue, agent};
    }
    return core::AddQueueMember{queue, agent};
}

std::string queue_names(const core::State& state, const core::Agent& agent) {
    std::string names;
    for (core::QueueId id : agent.queues) {
        if (const core::Queue* queue = state.find_queue(id)) {
            names += (names.empty() ? "" : ", ") + queue->config.name;
        }
    }
    return names;
}

void add_queues(const core::State& state, const core::Actor& actor, const AdminState& admin,
                core::Timestamp now, AdminView& view) {
    for (const core::Queue& queue : state.queues) {
        view.queues.push_back({&queue, state.queue_index(queue.id).waiting.size(),
                               verdict(state, actor, now,
                                       core::SetQueueEnabled{queue.id, !queue.enabled})});
    }
    if (!admin.queue) {
        return;
    }
    view.queue_save = verdict(state, actor, now, queue_command(*admin.queue));
    const core::Queue* editing =
        admin.queue->queue ? state.find_queue(*admin.queue->queue) : nullptr;
    if (editing == nullptr) {
        return;
    }
    for (const auto& [id, agent] : state.agents) {
        const bool member = editing->members.contains(id);
        view.queue_members.push_back(
            {editing->id, editing->config.name, id, agent.profile.name, member,
             verdict(state, actor, now, membership_command(editing->id, id, member))});
    }
}

void add_agents(const core::State& state, const core::Actor& actor, const AdminState& admin,
                core::Timestamp now, AdminView& view) {
    for (const auto& [id, agent] : state.agents) {
        view.agents.push_back({&agent, queue_names(state, agent), state.chats_of(id).load(),
                               verdict(state, actor, now,
                                       core::SetAgentEnabled{id, !agent.enabled})});
    }
    if (!admin.agent) {
        return;
    }
    view.profile_save = verdict(state, actor, now, profile_command(*admin.agent));
    view.capacity_save = verdict(state, actor, now, capacity_command(*admin.agent));
    const core::Agent* editing = state.find_agent(admin.agent->agent);
    if (editing == nullptr) {
        return;
    }
    for (const core::Queue& queue : state.queues) {
        const bool member = editing->queues.contains(queue.id);
        view.agent_queues.push_back(
            {queue.id, queue.config.name, editing->id, editing->profile.name, member,
             verdict(state, actor, now, membership_command(queue.id, editing->id, member))});
    }
}

void add_canned(const core::State& state, const core::Actor& actor, const AdminState& admin,
                core::Timestamp now, AdminView& view) {
    for (const auto& [id, response] : state.canned_responses) {
        AdminCannedRow row{&response, {}, verdict(state, actor, now,
                                                  core::DeleteCannedResponse{id})};
        if (response.owner) {
            const core::Agent* owner = state.find_agent(*response.owner);
            row.owner = owner ? std::string_view(owner->profile.name)
                              : std::string_view(*response.owner);
        }
        view.canned.push_back(row);
    }
    if (admin.canned) {
        view.canned_save = verdict(state, actor, now, canned_command(*admin.canned));
    }
}

}  // namespace

AdminView build_admin_view(const core::State& state, const core::Actor& actor,
                           const AdminState& admin, core::Timestamp now) {
    AdminView view;
    view.tab = admin.tab;
    view.settings = &state.settings;
    switch (admin.tab) {
    case AdminTab::queues:
        add_queues(state, actor, admin, now, view);
        break;
    case AdminTab::agents:
        add_agents(state, actor, admin, now, view);
        break;
    case AdminTab::canned:
        add_canned(state, actor, admin, now, view);
        break;
    case AdminTab::settings:
        view.settings_save = verdict(state, actor, now,
                                     core::UpdateSettings{admin.settings.value_or(state.settings)});
        view.settings_changed = admin.settings && *admin.settings != state.settings;
        break;
    case AdminTab::api_keys:
        break;
    }
    return view;
}

}  // namespace parley::console
