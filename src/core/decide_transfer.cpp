// Rules for handing a chat on: to an agent (pending until accepted, declined or timed out;
// seed 003's company filter picks the candidates; the target may exceed capacity), to a
// queue that accepts transfers, or back to its own queue (release). Standard library only.
#include "core/decide_parts.h"
#include "core/routing.h"
#include "core/rules.h"

namespace parley::core {
namespace {

std::optional<Decision> check_target(Context& ctx, ChatId id, const Agent*& agent,
                                     const Chat*& chat) {
    if (auto refused = check_staff_on_open_chat(ctx.state(), ctx.actor(), id, agent, chat))
        return refused;
    if (chat->status != ChatStatus::pending_transfer || chat->pending_transfer->to != agent->id) {
        return refuse(codes::kNotTransferTarget,
                      chat_label(id) + " is not being transferred to you.");
    }
    return std::nullopt;
}

}  // namespace

Decision decide_command(Context& ctx, const TransferToAgent& cmd) {
    const Agent* agent = nullptr;
    const Chat* chat = nullptr;
    if (auto refused = check_holder(ctx.state(), ctx.actor(), cmd.chat, agent, chat))
        return *refused;
    if (cmd.target.empty())
        return refuse(codes::kMissingArgument, "Choose an agent.");
    const Agent* target = ctx.state().find_agent(cmd.target);
    if (!target)
        return refuse(codes::kUnknownAgent, "There is no agent " + cmd.target + ".");
    if (target->id == agent->id) {
        return refuse(codes::kSelfTransfer, "You cannot transfer a chat to yourself.");
    }
    if (!target->enabled) {
        return refuse(codes::kAgentDisabled, name_of(ctx.state(), target->id) + " is disabled.");
    }
    if (target->presence != Presence::online) {
        return refuse(codes::kTargetOffline, name_of(ctx.state(), target->id) + " is not online.");
    }
    if (!is_transfer_candidate(ctx.state(), *chat, *target)) {
        return refuse(codes::kTargetNotCandidate,
                      name_of(ctx.state(), target->id) + " cannot take chats of queue " +
                          queue_name(ctx.state(), chat->queue) + " from this customer.");
    }
    const Duration timeout = ctx.state().find_queue(chat->queue)->config.transfer_timeout;
    ctx.emit(TransferRequested{cmd.chat, agent->id, target->id, cmd.side_note, ctx.at() + timeout});
    Router router(ctx);
    router.load_changed(agent->id, -1);
    router.fill(agent->id);
    return ctx.finish();
}

Decision decide_command(Context& ctx, const AcceptTransfer& cmd) {
    const Agent* agent = nullptr;
    const Chat* chat = nullptr;
    if (auto refused = check_target(ctx, cmd.chat, agent, chat))
        return *refused;
    ctx.emit(ChatAssigned{cmd.chat, agent->id, AssignReason::transfer_accepted});
    return ctx.finish();
}

Decision decide_command(Context& ctx, const DeclineTransfer& cmd) {
    const Agent* agent = nullptr;
    const Chat* chat = nullptr;
    if (auto refused = check_target(ctx, cmd.chat, agent, chat))
        return *refused;
    ctx.emit(TransferDeclined{cmd.chat, agent->id, cmd.reason, false});
    Router router(ctx);
    router.passed(cmd.chat, agent->id);
    router.enqueue(cmd.chat, chat->queue, ctx.at());
    return ctx.finish();
}

Decision decide_command(Context& ctx, const TransferToQueue& cmd) {
    const Agent* agent = nullptr;
    const Chat* chat = nullptr;
    if (auto refused = check_holder(ctx.state(), ctx.actor(), cmd.chat, agent, chat))
        return *refused;
    if (cmd.queue == 0)
        return refuse(codes::kMissingArgument, "Choose a queue.");
    const Queue* queue = ctx.state().find_queue(cmd.queue);
    if (!queue) {
        return refuse(codes::kUnknownQueue,
                      "Queue " + std::to_string(cmd.queue) + " does not exist.");
    }
    if (queue->id == chat->queue) {
        return refuse(codes::kSameQueue,
                      chat_label(cmd.chat) + " is already in queue " + queue->config.name + ".");
    }
    if (!queue->enabled) {
        return refuse(codes::kQueueDisabled, "Queue " + queue->config.name + " is disabled.");
    }
    if (!queue->config.accepts_transfers) {
        return refuse(codes::kQueueRefusesTransfers,
                      "Queue " + queue->config.name + " does not accept transfers.");
    }
    ctx.notify_customer(cmd.chat, "You are being transferred to " + queue->config.name + ".");
    ctx.emit(ChatMovedToQueue{cmd.chat, chat->queue, queue->id, agent->id, cmd.side_note});
    Router router(ctx);
    router.load_changed(agent->id, -1);
    router.passed(cmd.chat, agent->id);
    router.enqueue(cmd.chat, queue->id, ctx.at());
    router.fill(agent->id);
    return ctx.finish();
}

Decision decide_command(Context& ctx, const ReleaseChat& cmd) {
    const Agent* agent = nullptr;
    const Chat* chat = nullptr;
    if (auto refused = check_holder(ctx.state(), ctx.actor(), cmd.chat, agent, chat))
        return *refused;
    ctx.notify_customer(cmd.chat,
                        "Your agent has passed the chat on; the next available agent "
                        "will answer you.");
    ctx.emit(ChatReleased{cmd.chat, agent->id});
    Router router(ctx);
    router.load_changed(agent->id, -1);
    router.passed(cmd.chat, agent->id);
    router.enqueue(cmd.chat, chat->queue, ctx.at());
    router.fill(agent->id);
    return ctx.finish();
}

}  // namespace parley::core
