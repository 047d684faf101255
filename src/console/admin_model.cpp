#include "console/admin_model.h"

#include "console/admin_commands.h"
#include "console/api_calls.h"
#include "core/decide.h"

namespace parley::console {

namespace {

// The core's verdict on `command` from this admin now, as a button shows it.
ActionState verdict(const core::State& state, const core::Actor& actor, core::Timestamp now,
                    core::Command command) {
    const core::Decision decision =
        core::evaluate(state, {"probe", actor, now, std::move(command)});
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
        view.queues.push_back(
            {&queue, state.queue_index(queue.id).waiting.size(),
             verdict(state, actor, now, core::SetQueueEnabled{queue.id, !queue.enabled})});
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
        view.agents.push_back(
            {&agent, queue_names(state, agent), state.chats_of(id).load(),
             verdict(state, actor, now, core::SetAgentEnabled{id, !agent.enabled})});
    }
    if (admin.new_agent) {
        view.new_agent_save = verdict(state, actor, now, create_agent_command(*admin.new_agent));
        for (const core::Queue& queue : state.queues) {
            view.queue_choices.push_back({queue.id, queue.config.name});
        }
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
        AdminCannedRow row{
            &response, {}, verdict(state, actor, now, core::DeleteCannedResponse{id})};
        if (response.owner) {
            const core::Agent* owner = state.find_agent(*response.owner);
            row.owner =
                owner ? std::string_view(owner->profile.name) : std::string_view(*response.owner);
        }
        view.canned.push_back(row);
    }
    if (admin.canned) {
        view.canned_save = verdict(state, actor, now, canned_command(*admin.canned));
    }
}

const ApiResult* result_of(const ApiCalls* api, const char* purpose) {
    return api ? api->result(purpose) : nullptr;
}

void add_api_keys(const ApiCalls* api, const AdminState& admin, AdminView& view) {
    const ApiResult* list = result_of(api, kListApiKeys);
    const ApiResult* created = result_of(api, kCreateApiKey);
    view.list_keys_answer = outcome_of(list);
    view.create_key_answer = outcome_of(created);
    view.revoke_key_answer = outcome_of(result_of(api, kRevokeApiKey));
    view.api_keys = api_keys_of(list);
    const auto answered_since = [](const CallOutcome& outcome, std::uint64_t listed) {
        return !outcome.pending && outcome.generation > listed;
    };
    view.refresh_api_keys = !view.list_keys_answer.asked ||
                            (!view.list_keys_answer.pending &&
                             (answered_since(view.create_key_answer, admin.listed_after_create) ||
                              answered_since(view.revoke_key_answer, admin.listed_after_revoke)));
    if (view.create_key_answer.ok && view.create_key_answer.generation > admin.dismissed_secret) {
        view.new_secret = secret_of(created);
    }
}

void add_service_desk(const ApiCalls* api, const AdminState& admin, AdminView& view) {
    const ApiResult* settings = result_of(api, kGetWebhook);
    const ApiResult* log = result_of(api, kListDeliveries);
    view.webhook_answer = outcome_of(settings);
    view.webhook_save_answer = outcome_of(result_of(api, kSaveWebhook));
    view.deliveries_answer = outcome_of(log);
    view.webhook = webhook_settings_of(settings);
    view.deliveries = deliveries_of(log);
    view.refresh_webhook = !view.webhook_answer.asked ||
                           (!view.webhook_save_answer.pending &&
                            view.webhook_save_answer.generation > admin.webhook_fetched_after_save);
}

}  // namespace

AdminView build_admin_view(const core::State& state, const core::Actor& actor,
                           const AdminState& admin, const ApiCalls* api, core::Timestamp now) {
    AdminView view;
    view.tab = admin.tab;
    view.settings = &state.settings;
    switch (admin.tab) {
    case AdminTab::queues:
        add_queues(state, actor, admin, now, view);
        break;
    case AdminTab::agents:
        add_agents(state, actor, admin, now, view);
        view.create_agent_answer = outcome_of(result_of(api, kCreateAgent));
        view.password_answer = outcome_of(result_of(api, kResetPassword));
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
        add_api_keys(api, admin, view);
        break;
    case AdminTab::service_desk:
        add_service_desk(api, admin, view);
        break;
    }
    return view;
}

}  // namespace parley::console
