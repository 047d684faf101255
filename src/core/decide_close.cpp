// Rules for ending chats (seed 003's End Chat and Abandon, seed 002's Cancel, the customer's
// cancel) and for the satisfaction survey. Standard library only.
#include "core/decide_parts.h"
#include "core/routing.h"

namespace parley::core {

std::optional<AgentId> end_chat(Context& ctx, Router& router, const Chat& chat,
                                ResolutionOutcome outcome, std::string category, std::string notes,
                                std::optional<TicketStatus> ticket_becomes) {
    ctx.emit(ChatClosed{chat.id, outcome, std::move(category), std::move(notes)});
    if (ticket_becomes && chat.ticket) {
        const Ticket* ticket = ctx.state().find_ticket(*chat.ticket);
        if (ticket && ticket->status == TicketStatus::open) {
            ctx.emit(TicketStatusChanged{ticket->id, *ticket_becomes});
        }
    }
    if (chat.transcript_to)
        queue_transcript(ctx, chat, *chat.transcript_to);
    router.left_queue(chat.id);
    std::optional<AgentId> freed;
    if (chat.assignee)
        freed = chat.assignee;
    if (chat.offer)
        freed = chat.offer->agent;
    if (freed)
        router.load_changed(*freed, -1);
    return freed;
}

namespace {

// Ends the chat and gives the freed capacity to the oldest waiting chats.
Decision finish_ending(Context& ctx, const Chat& chat, ResolutionOutcome outcome,
                       std::string category, std::string notes,
                       std::optional<TicketStatus> ticket_becomes) {
    Router router(ctx);
    auto freed =
        end_chat(ctx, router, chat, outcome, std::move(category), std::move(notes), ticket_becomes);
    if (freed)
        router.fill(*freed);
    return ctx.finish();
}

}  // namespace

Decision decide_command(Context& ctx, const CloseChat& cmd) {
    const Agent* agent = nullptr;
    const Chat* chat = nullptr;
    if (auto refused = check_holder(ctx.state(), ctx.actor(), cmd.chat, agent, chat))
        return *refused;
    if (cmd.category.empty()) {
        return refuse(codes::kMissingArgument, "Choose a resolution category.");
    }
    ctx.notify_customer(cmd.chat, "The agent has ended the chat. Thank you for contacting us.");
    return finish_ending(ctx, *chat, ResolutionOutcome::closed, cmd.category, cmd.notes,
                         cmd.resolve_ticket ? std::optional(TicketStatus::resolved) : std::nullopt);
}

Decision decide_command(Context& ctx, const MarkSolved& cmd) {
    const Agent* agent = nullptr;
    const Chat* chat = nullptr;
    if (auto refused = check_holder(ctx.state(), ctx.actor(), cmd.chat, agent, chat))
        return *refused;
    ctx.notify_customer(cmd.chat, "Your request is solved. Thank you for contacting us.");
    return finish_ending(ctx, *chat, ResolutionOutcome::solved, cmd.category, cmd.notes,
                         TicketStatus::resolved);
}

Decision decide_command(Context& ctx, const AbandonChat& cmd) {
    const Agent* agent = nullptr;
    const Chat* chat = nullptr;
    if (auto refused = check_holder(ctx.state(), ctx.actor(), cmd.chat, agent, chat))
        return *refused;
    return finish_ending(ctx, *chat, ResolutionOutcome::abandoned, {}, cmd.notes,
                         TicketStatus::cancelled);
}

Decision decide_command(Context& ctx, const CancelChat& cmd) {
    const Agent* agent = nullptr;
    const Chat* chat = nullptr;
    if (auto refused = check_holder(ctx.state(), ctx.actor(), cmd.chat, agent, chat))
        return *refused;
    ctx.notify_customer(cmd.chat, "The agent has cancelled the chat.");
    return finish_ending(ctx, *chat, ResolutionOutcome::cancelled_by_agent, {}, cmd.reason,
                         std::nullopt);
}

Decision decide_command(Context& ctx, const CustomerCancelChat& cmd) {
    const Chat* chat = nullptr;
    if (auto refused = check_open_chat(ctx.state(), cmd.chat, chat))
        return *refused;
    if (!speaks_for_customer(ctx.actor(), *chat)) {
        return refuse(codes::kNotAuthorized, "Only the chat's customer can cancel it.");
    }
    if (chat->status != ChatStatus::active) {
        return finish_ending(ctx, *chat, ResolutionOutcome::cancelled_by_customer, {}, {},
                             std::nullopt);
    }
    if (chat->customer_cancelled) {
        return refuse(codes::kAlreadyCancelled,
                      "You already cancelled " + chat_label(cmd.chat) + ".");
    }
    ctx.emit(CustomerCancelled{cmd.chat});
    ctx.notify_customer(cmd.chat, "End user has cancelled chat.");
    return ctx.finish();
}

Decision decide_command(Context& ctx, const SubmitCsat& cmd) {
    const Chat* chat = ctx.state().find_chat(cmd.chat);
    if (!chat)
        return refuse(codes::kUnknownChat, chat_label(cmd.chat) + " does not exist.");
    if (!speaks_for_customer(ctx.actor(), *chat)) {
        return refuse(codes::kNotAuthorized, "Only the chat's customer rates it.");
    }
    if (!closed_or_archived(*chat)) {
        return refuse(codes::kChatNotClosed, chat_label(cmd.chat) + " is still open.");
    }
    if (auto refused = check_not_archived(*chat))
        return *refused;
    // A chat the customer ended before it was handed to anyone has no answer to rate.
    if (chat->resolution && chat->resolution->outcome == ResolutionOutcome::cancelled_by_customer) {
        return refuse(codes::kNothingToRate,
                      "You ended " + chat_label(cmd.chat) + " yourself: there is nothing to rate.");
    }
    if (chat->csat) {
        return refuse(codes::kCsatAlreadySubmitted,
                      chat_label(cmd.chat) + " has already been rated.");
    }
    if (cmd.score < 1 || cmd.score > 5) {
        return refuse(codes::kInvalidArgument, "The score goes from 1 to 5.");
    }
    ctx.emit(CsatSubmitted{cmd.chat, cmd.score, cmd.comment});
    return ctx.finish();
}

}  // namespace parley::core
