// Rules for taking chats: accept from the Queue list or an offer, accept the oldest, reject an
// offer. Capacity counts active chats and outstanding offers. Standard library only.
#include "core/decide_parts.h"
#include "core/routing.h"

namespace parley::core {
namespace {

std::optional<Decision> check_room(const State& state, const Agent& agent) {
    const int load = state.chats_of(agent.id).load();
    if (load < agent.capacity)
        return std::nullopt;
    return refuse(codes::kOverCapacity, "You already have " + std::to_string(load) +
                                            " chats and your capacity is " +
                                            std::to_string(agent.capacity) + ".");
}

}  // namespace

Decision decide_command(Context& ctx, const AcceptChat& cmd) {
    const Agent* agent = nullptr;
    const Chat* chat = nullptr;
    if (auto refused = check_staff_on_open_chat(ctx.state(), ctx.actor(), cmd.chat, agent, chat))
        return *refused;
    const std::string label = chat_label(cmd.chat);
    switch (chat->status) {
    case ChatStatus::active:
        if (chat->assignee == agent->id) {
            return refuse(codes::kAlreadyAssigned, "You already hold " + label + ".");
        }
        return refuse(codes::kAlreadyAssigned, label + " is already accepted by " +
                                                   name_of(ctx.state(), *chat->assignee) + ".");
    case ChatStatus::pending_transfer:
        return refuse(codes::kTransferPending,
                      label + " is being transferred to " +
                          name_of(ctx.state(), chat->pending_transfer->to) +
                          "; it is accepted from the Transferred list.");
    case ChatStatus::offered:
        if (chat->offer->agent == agent->id) {
            ctx.emit(ChatAssigned{cmd.chat, agent->id, AssignReason::offer_accepted});
            return ctx.finish();
        }
        return refuse(codes::kOfferedToOther,
                      label + " is offered to " + name_of(ctx.state(), chat->offer->agent) + ".");
    default:
        break;
    }
    if (!agent->queues.contains(chat->queue)) {
        return refuse(codes::kNotQueueMember, "You are not a member of queue " +
                                                  queue_name(ctx.state(), chat->queue) + ".");
    }
    if (auto refused = check_room(ctx.state(), *agent))
        return *refused;
    ctx.emit(ChatAssigned{cmd.chat, agent->id, AssignReason::accepted});
    return ctx.finish();
}

Decision decide_command(Context& ctx, const AcceptNextChat&) {
    const Agent* agent = nullptr;
    if (auto refused = check_staff(ctx.state(), ctx.actor(), agent))
        return *refused;
    if (auto refused = check_room(ctx.state(), *agent))
        return *refused;
    std::optional<TimeKey> oldest;
    for (QueueId queue : agent->queues) {
        const auto& waiting = ctx.state().queue_index(queue).waiting;
        if (!waiting.empty() && (!oldest || *waiting.begin() < *oldest))
            oldest = *waiting.begin();
    }
    if (!oldest)
        return refuse(codes::kNothingQueued, "No chat is waiting in your queues.");
    ctx.emit(ChatAssigned{oldest->chat, agent->id, AssignReason::accepted});
    return ctx.finish();
}

Decision decide_command(Context& ctx, const RejectOffer& cmd) {
    const Agent* agent = nullptr;
    const Chat* chat = nullptr;
    if (auto refused = check_staff_on_open_chat(ctx.state(), ctx.actor(), cmd.chat, agent, chat))
        return *refused;
    if (chat->status != ChatStatus::offered || chat->offer->agent != agent->id) {
        return refuse(codes::kNotOffered, chat_label(cmd.chat) + " is not offered to you.");
    }
    if (cmd.reason.empty())
        return refuse(codes::kMissingArgument, "Give a reason to reject.");
    ctx.emit(OfferRejected{cmd.chat, agent->id, cmd.reason, false});
    Router router(ctx);
    router.load_changed(agent->id, -1);
    router.passed(cmd.chat, agent->id);
    router.enqueue(cmd.chat, chat->queue, chat->queued_since);
    router.fill(agent->id);
    return ctx.finish();
}

}  // namespace parley::core
