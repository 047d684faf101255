// Rules for running the floor and the organisation: presence, capacity, staff accounts,
// queues and membership, canned responses, settings. Changes that give an agent room or
// change a queue's mode re-run routing. Standard library only.
//
// [SECTION] Presence and capacity
// [SECTION] Staff accounts
// [SECTION] Queues
// [SECTION] Canned responses and settings
#include "core/decide_parts.h"
#include "core/routing.h"

namespace parley::core {
namespace {

constexpr int kMaxCapacity = 100;

Decision refuse_admin() {
    return refuse(codes::kNotAuthorized, "Only admins can change this.");
}

Decision refuse_supervisor() {
    return refuse(codes::kNotAuthorized, "Only supervisors and admins can change this.");
}

std::optional<Decision> check_agent(const State& state, const AgentId& id, const Agent*& agent) {
    if (id.empty())
        return refuse(codes::kMissingArgument, "Choose an agent.");
    agent = state.find_agent(id);
    if (!agent)
        return refuse(codes::kUnknownAgent, "There is no agent " + id + ".");
    return std::nullopt;
}

std::optional<Decision> check_queue(const State& state, QueueId id, const Queue*& queue) {
    if (id == 0)
        return refuse(codes::kMissingArgument, "Choose a queue.");
    queue = state.find_queue(id);
    if (!queue) {
        return refuse(codes::kUnknownQueue, "Queue " + std::to_string(id) + " does not exist.");
    }
    return std::nullopt;
}

std::optional<Decision> check_capacity(int capacity) {
    if (capacity >= 0 && capacity <= kMaxCapacity)
        return std::nullopt;
    return refuse(codes::kInvalidArgument,
                  "Capacity goes from 0 to " + std::to_string(kMaxCapacity) + ".");
}

std::optional<Decision> check_queue_config(const State& state, const QueueConfig& config,
                                           QueueId self) {
    if (config.name.empty())
        return refuse(codes::kMissingArgument, "Name the queue.");
    for (const Queue& queue : state.queues) {
        if (queue.id != self && queue.config.name == config.name) {
            return refuse(codes::kQueueNameTaken,
                          "A queue named " + config.name + " already exists.");
        }
    }
    if (config.reminder_delay <= 0 || config.auto_close_delay <= 0 || config.offer_timeout <= 0 ||
        config.transfer_timeout <= 0 || config.target_wait < 0) {
        return refuse(codes::kInvalidArgument, "Queue delays and time-outs must be positive.");
    }
    return std::nullopt;
}

std::optional<Decision> check_profile(const AgentProfile& profile) {
    if (profile.name.empty())
        return refuse(codes::kMissingArgument, "Name the agent.");
    return std::nullopt;
}

}  // namespace

// [SECTION] Presence and capacity

Decision decide_command(Context& ctx, const SetPresence& cmd) {
    const bool self = ctx.actor().kind == ActorKind::agent && ctx.actor().id == cmd.agent &&
                      staff_of(ctx.state(), ctx.actor());
    if (!self && !may_supervise(ctx.state(), ctx.actor())) {
        return refuse(codes::kNotAuthorized, "You can change only your own presence.");
    }
    const Agent* agent = nullptr;
    if (auto refused = check_agent(ctx.state(), cmd.agent, agent))
        return *refused;
    if (!agent->enabled) {
        return refuse(codes::kAgentDisabled, name_of(ctx.state(), agent->id) + " is disabled.");
    }
    if (agent->presence == cmd.presence)
        return ctx.finish();
    ctx.emit(PresenceChanged{agent->id, cmd.presence});
    Router router(ctx);
    router.presence_changed(agent->id, cmd.presence);
    router.fill(agent->id);
    return ctx.finish();
}

Decision decide_command(Context& ctx, const SetCapacity& cmd) {
    if (!may_supervise(ctx.state(), ctx.actor()))
        return refuse_supervisor();
    const Agent* agent = nullptr;
    if (auto refused = check_agent(ctx.state(), cmd.agent, agent))
        return *refused;
    if (auto refused = check_capacity(cmd.capacity))
        return *refused;
    if (agent->capacity == cmd.capacity)
        return ctx.finish();
    ctx.emit(CapacityChanged{agent->id, cmd.capacity});
    Router router(ctx);
    router.capacity_changed(agent->id, cmd.capacity);
    router.fill(agent->id);
    return ctx.finish();
}

// [SECTION] Staff accounts

Decision decide_command(Context& ctx, const CreateAgent& cmd) {
    if (!may_administer(ctx.state(), ctx.actor()))
        return refuse_admin();
    if (cmd.agent.empty())
        return refuse(codes::kMissingArgument, "Give the account an id.");
    if (ctx.state().find_agent(cmd.agent)) {
        return refuse(codes::kAgentExists, "An account " + cmd.agent + " already exists.");
    }
    if (auto refused = check_profile(cmd.profile))
        return *refused;
    if (auto refused = check_capacity(cmd.capacity))
        return *refused;
    ctx.emit(AgentCreated{cmd.agent, cmd.profile, cmd.capacity});
    return ctx.finish();
}

Decision decide_command(Context& ctx, const UpdateAgent& cmd) {
    if (!may_administer(ctx.state(), ctx.actor()))
        return refuse_admin();
    const Agent* agent = nullptr;
    if (auto refused = check_agent(ctx.state(), cmd.agent, agent))
        return *refused;
    if (auto refused = check_profile(cmd.profile))
        return *refused;
    ctx.emit(AgentUpdated{agent->id, cmd.profile});
    return ctx.finish();
}

Decision decide_command(Context& ctx, const SetAgentEnabled& cmd) {
    if (!may_administer(ctx.state(), ctx.actor()))
        return refuse_admin();
    const Agent* agent = nullptr;
    if (auto refused = check_agent(ctx.state(), cmd.agent, agent))
        return *refused;
    if (agent->enabled == cmd.enabled)
        return ctx.finish();
    const AgentChats& held = ctx.state().chats_of(agent->id);
    if (!cmd.enabled && (held.load() > 0 || !held.transfers_in.empty())) {
        return refuse(codes::kAgentHasChats,
                      name_of(ctx.state(), agent->id) + " still holds chats; reassign them first.");
    }
    ctx.emit(AgentEnabledChanged{agent->id, cmd.enabled});
    return ctx.finish();
}

// [SECTION] Queues

Decision decide_command(Context& ctx, const CreateQueue& cmd) {
    if (!may_administer(ctx.state(), ctx.actor()))
        return refuse_admin();
    if (auto refused = check_queue_config(ctx.state(), cmd.config, 0))
        return *refused;
    ctx.emit(QueueCreated{ctx.take_queue_id(), cmd.config});
    return ctx.finish();
}

Decision decide_command(Context& ctx, const UpdateQueue& cmd) {
    if (!may_administer(ctx.state(), ctx.actor()))
        return refuse_admin();
    const Queue* queue = nullptr;
    if (auto refused = check_queue(ctx.state(), cmd.queue, queue))
        return *refused;
    if (auto refused = check_queue_config(ctx.state(), cmd.config, queue->id))
        return *refused;
    ctx.emit(QueueUpdated{queue->id, cmd.config});
    Router router(ctx);
    router.config_changed(queue->id, cmd.config);
    router.drain(queue->id);
    return ctx.finish();
}

Decision decide_command(Context& ctx, const SetQueueEnabled& cmd) {
    if (!may_administer(ctx.state(), ctx.actor()))
        return refuse_admin();
    const Queue* queue = nullptr;
    if (auto refused = check_queue(ctx.state(), cmd.queue, queue))
        return *refused;
    if (queue->general && !cmd.enabled) {
        return refuse(codes::kGeneralQueue, "The General queue cannot be disabled.");
    }
    if (queue->enabled == cmd.enabled)
        return ctx.finish();
    ctx.emit(QueueEnabledChanged{queue->id, cmd.enabled});
    return ctx.finish();
}

Decision decide_command(Context& ctx, const AddQueueMember& cmd) {
    if (!may_supervise(ctx.state(), ctx.actor()))
        return refuse_supervisor();
    const Queue* queue = nullptr;
    if (auto refused = check_queue(ctx.state(), cmd.queue, queue))
        return *refused;
    const Agent* agent = nullptr;
    if (auto refused = check_agent(ctx.state(), cmd.agent, agent))
        return *refused;
    if (queue->members.contains(agent->id)) {
        return refuse(
            codes::kAlreadyMember,
            name_of(ctx.state(), agent->id) + " is already in queue " + queue->config.name + ".");
    }
    ctx.emit(QueueMemberAdded{queue->id, agent->id});
    Router router(ctx);
    router.member_added(agent->id, queue->id);
    router.fill(agent->id);
    return ctx.finish();
}

Decision decide_command(Context& ctx, const RemoveQueueMember& cmd) {
    if (!may_supervise(ctx.state(), ctx.actor()))
        return refuse_supervisor();
    const Queue* queue = nullptr;
    if (auto refused = check_queue(ctx.state(), cmd.queue, queue))
        return *refused;
    const Agent* agent = nullptr;
    if (auto refused = check_agent(ctx.state(), cmd.agent, agent))
        return *refused;
    if (!queue->members.contains(agent->id)) {
        return refuse(codes::kNotQueueMember, name_of(ctx.state(), agent->id) +
                                                  " is not in queue " + queue->config.name + ".");
    }
    ctx.emit(QueueMemberRemoved{queue->id, agent->id});
    return ctx.finish();
}

// [SECTION] Canned responses and settings

namespace {

std::optional<Decision> check_response_text(const std::string& title, const std::string& text) {
    if (title.empty() || text.empty()) {
        return refuse(codes::kMissingArgument, "A canned response needs a title and a text.");
    }
    return std::nullopt;
}

std::optional<Decision> check_response_owner(Context& ctx, CannedResponseId id,
                                             const CannedResponse*& response) {
    const Agent* agent = nullptr;
    if (auto refused = check_staff(ctx.state(), ctx.actor(), agent))
        return refused;
    auto found = ctx.state().canned_responses.find(id);
    if (found == ctx.state().canned_responses.end()) {
        return refuse(codes::kUnknownCannedResponse,
                      "Canned response " + std::to_string(id) + " does not exist.");
    }
    response = &found->second;
    const bool mine = response->owner == agent->id;
    const bool shared_and_supervisor = !response->owner && is_supervisor(*agent);
    if (!mine && !shared_and_supervisor && !is_admin(*agent)) {
        return refuse(codes::kNotAuthorized, "This canned response is not yours to change.");
    }
    return std::nullopt;
}

}  // namespace

Decision decide_command(Context& ctx, const CreateCannedResponse& cmd) {
    const Agent* agent = nullptr;
    if (auto refused = check_staff(ctx.state(), ctx.actor(), agent))
        return *refused;
    if (!cmd.personal && !is_supervisor(*agent)) {
        return refuse(codes::kNotAuthorized,
                      "Only supervisors and admins create shared canned responses.");
    }
    if (auto refused = check_response_text(cmd.title, cmd.text))
        return *refused;
    const std::optional<AgentId> owner =
        cmd.personal ? std::optional<AgentId>(agent->id) : std::nullopt;
    ctx.emit(CannedResponseCreated{ctx.take_canned_response_id(), owner, cmd.title, cmd.shortcut,
                                   cmd.text});
    return ctx.finish();
}

Decision decide_command(Context& ctx, const UpdateCannedResponse& cmd) {
    const CannedResponse* response = nullptr;
    if (auto refused = check_response_owner(ctx, cmd.id, response))
        return *refused;
    if (auto refused = check_response_text(cmd.title, cmd.text))
        return *refused;
    ctx.emit(CannedResponseUpdated{cmd.id, cmd.title, cmd.shortcut, cmd.text});
    return ctx.finish();
}

Decision decide_command(Context& ctx, const DeleteCannedResponse& cmd) {
    const CannedResponse* response = nullptr;
    if (auto refused = check_response_owner(ctx, cmd.id, response))
        return *refused;
    ctx.emit(CannedResponseDeleted{cmd.id});
    return ctx.finish();
}

Decision decide_command(Context& ctx, const UpdateSettings& cmd) {
    if (!may_administer(ctx.state(), ctx.actor()))
        return refuse_admin();
    const Settings& s = cmd.settings;
    if (s.retention <= 0 || s.max_message_length == 0 || s.customer_messages_per_chat == 0u ||
        s.customer_bytes_per_chat == 0u) {
        return refuse(codes::kInvalidArgument,
                      "Retention, the message length limit and what a customer may write in a "
                      "chat must be positive.");
    }
    ctx.emit(SettingsUpdated{cmd.settings});
    return ctx.finish();
}

}  // namespace parley::core
