// The customer's view of their chat. Names and hand-overs follow visibility.h's customer rules
// (read straight from the chat: copying it whole through chat_for cost every event the whole
// conversation); every permission is a decide() probe of the command behind it.
#include "core/customer_view.h"

#include <algorithm>
#include <utility>

#include "core/decide.h"
#include "core/email.h"
#include "core/visibility.h"

namespace parley::core {
namespace {

CustomerChatStatus status_seen(ChatStatus status) {
    switch (status) {
    case ChatStatus::queued:
    case ChatStatus::offered:
        return CustomerChatStatus::waiting;
    case ChatStatus::active:
        return CustomerChatStatus::with_agent;
    case ChatStatus::pending_transfer:
        return CustomerChatStatus::transferring;
    case ChatStatus::closed:
    case ChatStatus::archived:
        return CustomerChatStatus::ended;
    }
    return CustomerChatStatus::waiting;
}

std::optional<CustomerNotice> notice_of(const State& state, const Actor& customer,
                                        const Activity& activity) {
    if (!told_to_customer(activity.kind))
        return std::nullopt;
    const std::string agent = shown_to_customer(state, customer, activity.agent);
    switch (activity.kind) {
    case ActivityKind::assigned:
        return CustomerNotice{CustomerNoticeKind::agent_joined, activity.messages_before, agent};
    case ActivityKind::transfer_requested:
        return CustomerNotice{CustomerNoticeKind::transferring, activity.messages_before};
    case ActivityKind::transfer_declined:
        return CustomerNotice{CustomerNoticeKind::back_in_queue, activity.messages_before};
    case ActivityKind::moved_to_queue: {
        const Queue* queue = state.find_queue(activity.queue);
        return CustomerNotice{CustomerNoticeKind::moved_to_queue,
                              activity.messages_before,
                              {},
                              queue ? queue->config.name : std::to_string(activity.queue)};
    }
    case ActivityKind::released:
        return CustomerNotice{CustomerNoticeKind::released, activity.messages_before, agent};
    case ActivityKind::offer_rejected:
    case ActivityKind::supervisor_requested:
    case ActivityKind::supervisor_joined:
        return std::nullopt;
    }
    return std::nullopt;
}

CustomerNoticeKind closed_notice(const std::optional<Resolution>& resolution) {
    const ResolutionOutcome outcome = resolution ? resolution->outcome : ResolutionOutcome::closed;
    if (outcome == ResolutionOutcome::cancelled_by_customer)
        return CustomerNoticeKind::closed_cancelled;
    if (outcome == ResolutionOutcome::not_responding)
        return CustomerNoticeKind::closed_not_responding;
    return CustomerNoticeKind::closed;
}

std::vector<CustomerNotice> notices_of(const State& state, const Actor& customer,
                                       const Chat& chat) {
    std::vector<CustomerNotice> out;
    for (const Activity& activity : chat.activity) {
        if (auto notice = notice_of(state, customer, activity))
            out.push_back(std::move(*notice));
    }
    // Neither the cancel nor the close records its place: both are the latest word.
    const std::uint64_t end = chat.messages.size();
    if (chat.customer_cancelled)
        out.push_back({CustomerNoticeKind::you_cancelled, end});
    if (chat.status == ChatStatus::closed || chat.status == ChatStatus::archived)
        out.push_back({closed_notice(chat.resolution), end});
    return out;
}

// The chat's latest moment: the probes' time. None of the customer's commands has a rule that
// depends on the time, but each command carries one.
Timestamp latest_moment(const Chat& chat) {
    Timestamp at = std::max(chat.created_at, chat.closed_at.value_or(0));
    if (!chat.messages.empty())
        at = std::max(at, chat.messages.back().at);
    return at;
}

class Prober {
public:
    Prober(const State& state, const Actor& customer, const Chat& chat)
        : state_(state), customer_(customer), at_(latest_moment(chat)) {}

    Permission ask(Command command) const {
        const Decision decision =
            evaluate(state_, CommandEnvelope{"probe", customer_, at_, std::move(command)});
        if (!decision.rejection)
            return {true};
        return {false, decision.rejection->code, decision.rejection->message};
    }

private:
    const State& state_;
    const Actor& customer_;
    Timestamp at_;
};

// A one-byte message, and an empty one with a file of the first type the settings allow: the
// smallest the customer could send, so the writing limits count as they would.
Attachment smallest_file(const Settings& settings) {
    const auto& types = settings.allowed_attachment_types;
    return Attachment{"file", types.empty() ? std::string() : types.front(), 1, {}};
}

CustomerActions actions_of(const State& state, const Actor& customer, const Chat& chat) {
    const Prober probe(state, customer, chat);
    CustomerActions out;
    out.write = probe.ask(PostCustomerMessage{chat.id, ".", {}});
    out.attach = probe.ask(PostCustomerMessage{chat.id, {}, {smallest_file(state.settings)}});
    out.end_chat = probe.ask(CustomerCancelChat{chat.id});
    out.rate = probe.ask(SubmitCsat{chat.id, 5, {}});
    out.download_transcript =
        may_see_chat(state, customer, chat)
            ? Permission{true}
            : Permission{false, std::string(codes::kNotAuthorized), "You cannot see this chat."};
    const std::string address = customer_email(state, chat);
    out.email_transcript = address.empty()
                               ? Permission{false, std::string(codes::kNoCustomerEmail),
                                            "No email address was given when the chat started."}
                               : probe.ask(RequestTranscript{chat.id, address});
    return out;
}

}  // namespace

CustomerChatView customer_view(const State& state, const Actor& customer, const Chat& chat,
                               std::size_t messages_from) {
    CustomerChatView view;
    view.chat = chat.id;
    view.status = status_seen(chat.status);
    view.waiting = view.status == CustomerChatStatus::waiting;
    view.ended = view.status == CustomerChatStatus::ended;
    if (chat.assignee)
        view.agent = shown_to_customer(state, customer, *chat.assignee);
    view.agent_typing = chat.staff_typing && !view.ended;
    view.notices = notices_of(state, customer, chat);
    for (std::size_t i = messages_from; i < chat.messages.size(); ++i) {
        view.messages.push_back(chat.messages[i]);
        view.messages.back().author =
            author_shown_to_customer(state, customer, chat.messages[i].author);
    }
    view.csat = chat.csat;
    view.actions = actions_of(state, customer, chat);
    return view;
}

std::vector<CustomerChatView> customer_views(const State& state, const Actor& customer) {
    std::vector<CustomerChatView> out;
    if (customer.kind != ActorKind::customer)
        return out;
    // Through the customer's own chats, in the order they started: a widget connecting costs
    // what that customer wrote, not the age of the whole history.
    const auto chats = state.index.customer_chats.find(customer.id);
    if (chats == state.index.customer_chats.end())
        return out;
    for (const ChatId& id : chats->second) {
        const Chat* chat = state.find_chat(id);
        if (chat != nullptr && may_see_chat(state, customer, *chat))
            out.push_back(customer_view(state, customer, *chat));
    }
    return out;
}

}  // namespace parley::core
