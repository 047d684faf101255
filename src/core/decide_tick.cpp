// Rules of time, run by Tick(now) from the system: offer and transfer time-outs, the
// inactivity reminder and auto-close ("customer not responding") per queue, and archiving
// closed chats older than the retention. Each timer is an ordered index, so a tick reads
// only what is due. Standard library only.
#include <set>

#include "core/decide_parts.h"
#include "core/routing.h"

namespace parley::core {
namespace {

constexpr const char* kReminder =
    "Are you still there? This chat will close soon if we do not hear from you.";
constexpr const char* kNotResponding = "We closed this chat because we did not hear back from you.";

// A tick archives at most this many chats, the oldest first, so that shortening the retention
// (or a first start on a long history) is one modest commit a tick rather than one enormous one.
constexpr std::size_t kArchivedPerTick = 1000;

// An open ticket's rules (who sees it, which chats it may link) read its chat: the chat stays
// live until the ticket is resolved or cancelled.
bool has_open_ticket(const State& state, const ChatId& id) {
    const Chat* chat = state.find_chat(id);
    const Ticket* ticket = chat && chat->ticket ? state.find_ticket(*chat->ticket) : nullptr;
    return ticket && ticket->status == TicketStatus::open;
}

// Keys of `index` due at or before `until`, copied so emitting cannot disturb the walk.
std::vector<TimeKey> due(const std::set<TimeKey>& index, Timestamp until) {
    std::vector<TimeKey> out;
    for (const TimeKey& key : index) {
        if (key.at > until)
            break;
        out.push_back(key);
    }
    return out;
}

}  // namespace

Decision decide_command(Context& ctx, const Tick&) {
    if (ctx.actor().kind != ActorKind::system) {
        return refuse(codes::kNotAuthorized, "Only the system advances time.");
    }
    const State& state = ctx.state();
    const Timestamp now = ctx.at();
    Router router(ctx);
    std::set<AgentId> freed;

    for (const TimeKey& key : due(state.index.offer_deadlines, now)) {
        const Chat& chat = *state.find_chat(key.chat);
        const AgentId& agent = chat.offer->agent;
        ctx.emit(OfferRejected{chat.id, agent, "No answer in time.", true});
        router.load_changed(agent, -1);
        router.passed(chat.id, agent);
        router.enqueue(chat.id, chat.queue, chat.queued_since);
        freed.insert(agent);
    }
    for (const TimeKey& key : due(state.index.transfer_deadlines, now)) {
        const Chat& chat = *state.find_chat(key.chat);
        const AgentId& agent = chat.pending_transfer->to;
        ctx.emit(TransferDeclined{chat.id, agent, "No answer in time.", true});
        router.passed(chat.id, agent);
        router.enqueue(chat.id, chat.queue, now);
    }
    std::set<ChatId> closing;
    for (const Queue& queue : state.queues) {
        const QueueIndex& index = state.queue_index(queue.id);
        for (const TimeKey& key : due(index.to_auto_close, now - queue.config.auto_close_delay)) {
            const Chat& chat = *state.find_chat(key.chat);
            closing.insert(chat.id);
            ctx.notify_customer(chat.id, kNotResponding);
            auto agent = end_chat(ctx, router, chat, ResolutionOutcome::not_responding, {}, {},
                                  std::nullopt);
            if (agent)
                freed.insert(*agent);
        }
    }
    for (const Queue& queue : state.queues) {
        const QueueIndex& index = state.queue_index(queue.id);
        for (const TimeKey& key : due(index.to_remind, now - queue.config.reminder_delay)) {
            if (closing.contains(key.chat))
                continue;
            ctx.notify_customer(key.chat, kReminder);
            ctx.emit(ReminderSent{key.chat});
        }
    }
    std::size_t archived = 0;
    for (const TimeKey& key : due(state.index.closed, now - state.settings.retention)) {
        if (archived == kArchivedPerTick)
            break;
        if (!has_open_ticket(state, key.chat)) {
            ctx.emit(ChatArchived{key.chat});
            ++archived;
        }
    }
    for (const AgentId& agent : freed)
        router.fill(agent);
    return ctx.finish();
}

}  // namespace parley::core
