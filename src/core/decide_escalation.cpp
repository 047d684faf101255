// Rules for escalation: tickets, calling a supervisor, and what supervisors may do to any
// chat (join, reassign, force close). Standard library only.
#include <algorithm>

#include "core/decide_parts.h"
#include "core/routing.h"

namespace parley::core {
namespace {

std::optional<Decision> check_supervisor(Context& ctx, const Agent*& agent) {
    if (auto refused = check_staff(ctx.state(), ctx.actor(), agent))
        return refused;
    if (!is_supervisor(*agent)) {
        return refuse(codes::kNotAuthorized, "Only supervisors and admins can do this.");
    }
    return std::nullopt;
}

}  // namespace

Decision decide_command(Context& ctx, const CreateTicket& cmd) {
    const Chat* chat = nullptr;
    if (auto refused = check_ticketless_chat(ctx, cmd.chat, chat))
        return *refused;
    if (cmd.summary.empty())
        return refuse(codes::kMissingArgument, "Write a summary.");
    ctx.emit(TicketCreated{ctx.take_ticket_id(), cmd.chat, cmd.kind, cmd.summary, cmd.priority});
    return ctx.finish();
}

Decision decide_command(Context& ctx, const RequestSupervisor& cmd) {
    const Agent* agent = nullptr;
    const Chat* chat = nullptr;
    if (auto refused = check_holder(ctx.state(), ctx.actor(), cmd.chat, agent, chat))
        return *refused;
    ctx.emit(SupervisorRequested{cmd.chat, agent->id, cmd.reason});
    return ctx.finish();
}

Decision decide_command(Context& ctx, const JoinChat& cmd) {
    const Agent* agent = nullptr;
    if (auto refused = check_supervisor(ctx, agent))
        return *refused;
    const Chat* chat = nullptr;
    if (auto refused = check_open_chat(ctx.state(), cmd.chat, chat))
        return *refused;
    if (chat->status != ChatStatus::active) {
        return refuse(codes::kChatNotActive, chat_label(cmd.chat) + " has no agent to join.");
    }
    const auto& people = chat->participants;
    if (chat->assignee == agent->id ||
        std::find(people.begin(), people.end(), agent->id) != people.end()) {
        return refuse(codes::kAlreadyJoined, "You are already in " + chat_label(cmd.chat) + ".");
    }
    ctx.emit(SupervisorJoined{cmd.chat, agent->id});
    return ctx.finish();
}

Decision decide_command(Context& ctx, const ReassignChat& cmd) {
    const Agent* agent = nullptr;
    if (auto refused = check_supervisor(ctx, agent))
        return *refused;
    const Chat* chat = nullptr;
    if (auto refused = check_open_chat(ctx.state(), cmd.chat, chat))
        return *refused;
    if (cmd.target.empty())
        return refuse(codes::kMissingArgument, "Choose an agent.");
    const Agent* target = ctx.state().find_agent(cmd.target);
    if (!target)
        return refuse(codes::kUnknownAgent, "There is no agent " + cmd.target + ".");
    const std::string target_name = name_of(ctx.state(), target->id);
    if (chat->assignee == target->id) {
        return refuse(codes::kAlreadyAssigned,
                      target_name + " already holds " + chat_label(cmd.chat) + ".");
    }
    if (!target->enabled)
        return refuse(codes::kAgentDisabled, target_name + " is disabled.");
    if (target->presence != Presence::online) {
        return refuse(codes::kTargetOffline, target_name + " is not online.");
    }
    const bool offered_to_target = chat->offer && chat->offer->agent == target->id;
    if (!offered_to_target && ctx.state().chats_of(target->id).load() >= target->capacity) {
        return refuse(codes::kOverCapacity, target_name + " has no free capacity.");
    }
    ctx.emit(ChatAssigned{cmd.chat, target->id, AssignReason::reassigned});
    Router router(ctx);
    router.left_queue(cmd.chat);
    if (!offered_to_target)
        router.load_changed(target->id, 1);
    std::optional<AgentId> freed;
    if (chat->assignee)
        freed = chat->assignee;
    if (chat->offer && !offered_to_target)
        freed = chat->offer->agent;
    if (freed) {
        router.load_changed(*freed, -1);
        router.fill(*freed);
    }
    return ctx.finish();
}

Decision decide_command(Context& ctx, const ForceCloseChat& cmd) {
    const Agent* agent = nullptr;
    if (auto refused = check_supervisor(ctx, agent))
        return *refused;
    const Chat* chat = nullptr;
    if (auto refused = check_open_chat(ctx.state(), cmd.chat, chat))
        return *refused;
    ctx.notify_customer(cmd.chat, "The chat has been closed. Thank you for contacting us.");
    Router router(ctx);
    auto freed =
        end_chat(ctx, router, *chat, ResolutionOutcome::closed, {}, cmd.notes, std::nullopt);
    if (freed)
        router.fill(*freed);
    return ctx.finish();
}

}  // namespace parley::core
