// Sentences for events. Those the core also records as a chat's activity (apply() folds them
// into core::Activity) are handed to activity_text as that activity, so the audit trail and
// the transcript never word one hand-over two ways.
#include "console/event_text.h"

#include "console/activity_text.h"
#include "console/chat_text.h"
#include "core/names.h"
#include "core/transcript.h"

namespace parley::console {

namespace {

using namespace core;

std::string customer_text(const State& state, const CustomerId& id) {
    const auto found = state.customers.find(id);
    return found != state.customers.end() ? found->second.name : std::string("The customer");
}

std::string author_text(const State& state, const Author& author) {
    switch (author.kind) {
    case AuthorKind::customer:
        return customer_text(state, author.id);
    case AuthorKind::agent:
        return std::string(agent_name(state, author.id));
    case AuthorKind::bot:
        return "The bot";
    case AuthorKind::system:
        break;
    }
    return std::string(core::kSystemSpeaker);
}

// The first line of what someone wrote, marked when there is more.
std::string first_line(const std::string& text) {
    const std::size_t end = text.find('\n');
    return end == std::string::npos ? text : text.substr(0, end) + " …";
}

std::string with_detail(std::string sentence, const std::string& detail) {
    if (!detail.empty()) {
        sentence += ": " + detail;
    }
    return sentence;
}

// What a reader on `side` received or read: the other side's messages.
std::string others_messages(Side reader) {
    return reader == Side::customer ? "the replies" : "the customer's messages";
}

struct Words {
    const State& state;
    const EventEnvelope& e;
    std::string who() const { return actor_text(state, e.actor); }
    // The sentence of the activity apply() records for the event, as the transcript says it.
    std::string recorded(ActivityKind kind, const AgentId& agent, const std::string& note = {},
                         QueueId queue = 0, AssignReason reason = AssignReason::accepted,
                         bool timed_out = false) const {
        return activity_text(
            state, Activity{kind, e.at, e.actor.id, agent, queue, reason, timed_out, note, 0});
    }

    std::string operator()(const ChatStarted& ev) const {
        return ev.customer.name + " started the chat on " + std::string(to_string(ev.channel)) +
               " in the " + queue_text(ev.queue) + " queue";
    }
    std::string operator()(const MessagePosted& ev) const {
        std::string sentence = author_text(state, ev.author) + " wrote: " + first_line(ev.text);
        if (!ev.attachments.empty()) {
            sentence += " (" + std::to_string(ev.attachments.size()) +
                        (ev.attachments.size() == 1 ? " file)" : " files)");
        }
        return sentence;
    }
    std::string operator()(const TypingChanged& ev) const {
        return who() + (ev.typing ? " started typing" : " stopped typing");
    }
    std::string operator()(const MessagesDelivered& ev) const {
        return who() + " received " + others_messages(ev.reader);
    }
    std::string operator()(const MessagesRead& ev) const {
        return who() + " read " + others_messages(ev.reader);
    }
    std::string operator()(const NoteAdded& ev) const {
        return std::string(agent_name(state, ev.author)) +
               " added an internal note: " + first_line(ev.text);
    }
    std::string operator()(const ChatTagsChanged& ev) const {
        if (ev.tags.empty()) {
            return who() + " removed the tags";
        }
        std::string tags;
        for (const std::string& tag : ev.tags) {
            tags += (tags.empty() ? "" : ", ") + tag;
        }
        return who() + " set the tags: " + tags;
    }
    std::string operator()(const ChatOffered& ev) const {
        return "The chat was offered to " + std::string(agent_name(state, ev.agent));
    }
    std::string operator()(const OfferRejected& ev) const {
        return recorded(ActivityKind::offer_rejected, ev.agent, ev.reason, 0, {}, ev.timed_out);
    }
    std::string operator()(const ChatAssigned& ev) const {
        return recorded(ActivityKind::assigned, ev.agent, {}, 0, ev.reason);
    }
    std::string operator()(const TransferRequested& ev) const {
        return recorded(ActivityKind::transfer_requested, ev.to, ev.side_note);
    }
    std::string operator()(const TransferDeclined& ev) const {
        return recorded(ActivityKind::transfer_declined, ev.agent, ev.reason, 0, {}, ev.timed_out);
    }
    std::string operator()(const ChatMovedToQueue& ev) const {
        return recorded(ActivityKind::moved_to_queue, {}, ev.side_note, ev.to);
    }
    std::string operator()(const ChatReleased& ev) const {
        return recorded(ActivityKind::released, ev.agent);
    }
    std::string operator()(const ChatClosed& ev) const {
        std::string sentence = who() + " closed the chat as " + std::string(to_string(ev.outcome));
        if (!ev.category.empty()) {
            sentence += " (" + ev.category + ")";
        }
        return with_detail(sentence, first_line(ev.notes));
    }
    std::string operator()(const CustomerCancelled&) const { return "The customer left the chat"; }
    std::string operator()(const CsatSubmitted& ev) const {
        return with_detail("The customer rated the chat " + std::to_string(ev.score) + " of 5",
                           first_line(ev.comment));
    }
    std::string operator()(const ChatArchived&) const { return "The chat was archived"; }
    std::string operator()(const ReminderSent&) const { return "The customer was reminded"; }
    std::string operator()(const TranscriptRequested& ev) const {
        if (ev.address.empty())
            return "The customer no longer wants the transcript by email";
        return "The customer asked for the transcript at " + ev.address;
    }
    std::string operator()(const EmailQueued& ev) const {
        if (ev.email.kind == EmailKind::transcript)
            return "The transcript was queued for " + ev.email.to;
        return with_detail(who() + " emailed " + ev.email.to + ": " + ev.email.subject,
                           first_line(ev.email.body));
    }
    std::string operator()(const EmailDelivered& ev) const {
        const std::string sentence =
            "Email " + std::to_string(ev.email) +
            (ev.status == EmailStatus::sent ? " was accepted by the mail relay"
                                            : " could not be sent");
        return ev.status == EmailStatus::sent ? sentence : with_detail(sentence, ev.detail);
    }
    std::string operator()(const TicketCreated& ev) const {
        return with_detail(who() + " opened " + std::string(to_string(ev.priority)) + "-priority " +
                               std::string(to_string(ev.kind)) + " ticket #" +
                               std::to_string(ev.ticket),
                           ev.summary);
    }
    std::string operator()(const TicketStatusChanged& ev) const {
        return with_detail(
            "Ticket #" + std::to_string(ev.ticket) + " became " + std::string(to_string(ev.status)),
            ev.reference.value_or(""));
    }
    std::string operator()(const TicketLinked& ev) const {
        return with_detail(who() + " linked ticket #" + std::to_string(ev.ticket.id),
                           ev.ticket.summary);
    }
    std::string operator()(const SupervisorRequested& ev) const {
        return recorded(ActivityKind::supervisor_requested, ev.agent, ev.reason);
    }
    std::string operator()(const SupervisorJoined& ev) const {
        return recorded(ActivityKind::supervisor_joined, ev.supervisor);
    }
    // Presence, accounts, queues, canned responses and settings belong to no chat's history.
    template <typename Other>
    std::string operator()(const Other&) const {
        return who() + " changed the organisation";
    }

    std::string queue_text(QueueId id) const {
        const Queue* queue = state.find_queue(id);
        return queue ? queue->config.name : "#" + std::to_string(id);
    }
};

}  // namespace

std::string actor_text(const core::State& state, const core::Actor& actor) {
    switch (actor.kind) {
    case core::ActorKind::customer:
        return customer_text(state, actor.id);
    case core::ActorKind::agent:
        return std::string(agent_name(state, actor.id));
    case core::ActorKind::integration:
        return "Integration " + actor.id;
    case core::ActorKind::system:
        break;
    }
    return std::string(core::kSystemSpeaker);
}

std::string event_text(const core::State& state, const core::EventEnvelope& event) {
    return std::visit(Words{state, event}, event.event);
}

}  // namespace parley::console
