// Queries over State. Lists read the indexes; allowed actions probe evaluate(); search and
// visibility read the entities. Standard library only.
#include "core/queries.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/decide.h"
#include "core/decide_context.h"
#include "core/rules.h"

namespace parley::core {

// [SECTION] An agent's lists

std::vector<ChatId> queue_list(const State& state, const AgentId& agent) {
    const AgentChats& held = state.chats_of(agent);
    std::vector<ChatId> out(held.offered.begin(), held.offered.end());
    const Agent* account = state.find_agent(agent);
    if (!account)
        return out;
    // Each queue's waiting chats are in order already: merged, not sorted again (the console
    // asks for this list whenever its copy of the State changes).
    std::vector<const std::set<TimeKey>*> queues;
    for (QueueId queue : account->queues) {
        if (const auto& keys = state.queue_index(queue).waiting; !keys.empty())
            queues.push_back(&keys);
    }
    if (queues.size() == 1) {
        for (const TimeKey& key : *queues.front())
            out.push_back(key.chat);
        return out;
    }
    std::vector<TimeKey> waiting;
    for (const std::set<TimeKey>* keys : queues) {
        const auto middle = static_cast<std::ptrdiff_t>(waiting.size());
        waiting.insert(waiting.end(), keys->begin(), keys->end());
        std::inplace_merge(waiting.begin(), waiting.begin() + middle, waiting.end());
    }
    for (const TimeKey& key : waiting)
        out.push_back(key.chat);
    return out;
}

std::vector<ChatId> transferred_list(const State& state, const AgentId& agent) {
    const auto& chats = state.chats_of(agent).transfers_in;
    return {chats.begin(), chats.end()};
}

std::vector<ChatId> my_chats(const State& state, const AgentId& agent) {
    const auto& chats = state.chats_of(agent).active;
    return {chats.begin(), chats.end()};
}

// [SECTION] Transfers

TransferCandidates transfer_candidates(const State& state, ChatId id) {
    const Chat* chat = state.find_chat(id);
    if (!chat)
        return {};
    return {transfer_candidate_agents(state, *chat), transfer_candidate_queues(state, *chat)};
}

// [SECTION] Allowed actions

namespace {

constexpr std::array<std::string_view, kChatActionCount> kActionNames = {"accept",
                                                                         "reject_offer",
                                                                         "accept_transfer",
                                                                         "decline_transfer",
                                                                         "transfer_to_agent",
                                                                         "transfer_to_queue",
                                                                         "release",
                                                                         "close",
                                                                         "mark_solved",
                                                                         "abandon",
                                                                         "cancel",
                                                                         "customer_cancel",
                                                                         "post_customer_message",
                                                                         "post_agent_message",
                                                                         "add_note",
                                                                         "create_ticket",
                                                                         "request_supervisor",
                                                                         "join",
                                                                         "reassign",
                                                                         "force_close",
                                                                         "submit_csat",
                                                                         "email_customer",
                                                                         "link_ticket"};

Command probe(ChatAction action, ChatId chat) {
    switch (action) {
    case ChatAction::accept:
        return AcceptChat{chat};
    case ChatAction::reject_offer:
        return RejectOffer{chat, {}};
    case ChatAction::accept_transfer:
        return AcceptTransfer{chat};
    case ChatAction::decline_transfer:
        return DeclineTransfer{chat, {}};
    case ChatAction::transfer_to_agent:
        return TransferToAgent{chat, {}, {}};
    case ChatAction::transfer_to_queue:
        return TransferToQueue{chat, 0, {}};
    case ChatAction::release:
        return ReleaseChat{chat};
    case ChatAction::close:
        return CloseChat{chat, {}, {}, false};
    case ChatAction::mark_solved:
        return MarkSolved{chat, {}, {}};
    case ChatAction::abandon:
        return AbandonChat{chat, {}};
    case ChatAction::cancel:
        return CancelChat{chat, {}};
    case ChatAction::customer_cancel:
        return CustomerCancelChat{chat};
    case ChatAction::post_customer_message:
        return PostCustomerMessage{chat, {}, {}};
    case ChatAction::post_agent_message:
        return PostAgentMessage{chat, {}, {}};
    case ChatAction::add_note:
        return AddNote{chat, {}};
    case ChatAction::create_ticket:
        return CreateTicket{chat, {}, {}, {}};
    case ChatAction::request_supervisor:
        return RequestSupervisor{chat, {}};
    case ChatAction::join:
        return JoinChat{chat};
    case ChatAction::reassign:
        return ReassignChat{chat, {}};
    case ChatAction::force_close:
        return ForceCloseChat{chat, {}};
    case ChatAction::submit_csat:
        return SubmitCsat{chat, 0, {}};
    case ChatAction::email_customer:
        return EmailCustomer{chat, {}, {}};
    case ChatAction::link_ticket:
        return LinkTicket{chat, 0};
    }
    return AcceptChat{chat};
}

// Refusals that only say an argument is still to be chosen.
bool awaits_arguments(const Rejection& rejection) {
    return rejection.code == codes::kMissingArgument || rejection.code == codes::kEmptyMessage ||
           rejection.code == codes::kInvalidArgument;
}

}  // namespace

std::string_view to_string(ChatAction action) {
    return kActionNames[static_cast<std::size_t>(action)];
}

ActionCheck check_action(const State& state, ChatId chat, const Actor& actor, ChatAction action,
                         Timestamp at) {
    const CommandEnvelope command{"probe", actor, at, probe(action, chat)};
    Decision decision = evaluate(state, command);
    if (decision.rejection && !awaits_arguments(*decision.rejection)) {
        return {action, std::move(decision.rejection)};
    }
    return {action, std::nullopt};
}

std::vector<ActionCheck> allowed_actions(const State& state, ChatId chat, const Actor& actor,
                                         Timestamp at) {
    std::vector<ActionCheck> out;
    for (std::size_t i = 0; i < kActionNames.size(); ++i) {
        out.push_back(check_action(state, chat, actor, static_cast<ChatAction>(i), at));
    }
    return out;
}

bool may_link_ticket(const State& state, ChatId chat, TicketId ticket, const Actor& actor,
                     Timestamp at) {
    const CommandEnvelope command{"probe", actor, at, LinkTicket{chat, ticket}};
    return !evaluate(state, command).rejection.has_value();
}

// [SECTION] Waiting customers

namespace {

// The queue's average wait so far, or its target wait before any history.
Duration average_wait(const State& state, QueueId queue) {
    const QueueIndex& index = state.queue_index(queue);
    const Queue* found = state.find_queue(queue);
    return index.assigned_count > 0 ? index.total_wait / static_cast<Duration>(index.assigned_count)
                                    : (found ? found->config.target_wait : 0);
}

QueuePosition position_at(std::size_t position, std::size_t waiting, Duration average) {
    return {position, waiting, average * static_cast<Duration>(position)};
}

}  // namespace

std::optional<QueuePosition> queue_position(const State& state, ChatId id) {
    const Chat* chat = state.find_chat(id);
    if (!chat || chat->status != ChatStatus::queued)
        return std::nullopt;
    const QueueIndex& index = state.queue_index(chat->queue);
    std::size_t position = 0;
    for (const TimeKey& key : index.waiting) {
        ++position;
        if (key.chat == id)
            break;
    }
    return position_at(position, index.waiting.size(), average_wait(state, chat->queue));
}

std::vector<std::pair<ChatId, QueuePosition>> queue_positions(const State& state, QueueId queue) {
    const QueueIndex& index = state.queue_index(queue);
    const Duration average = average_wait(state, queue);
    std::vector<std::pair<ChatId, QueuePosition>> out;
    out.reserve(index.waiting.size());
    for (const TimeKey& key : index.waiting) {
        out.emplace_back(key.chat, position_at(out.size() + 1, index.waiting.size(), average));
    }
    return out;
}

// [SECTION] Search

namespace {

bool contains_folded(const std::string& haystack, const std::string& needle) {
    if (needle.empty())
        return true;
    auto fold = [](char c) {
        return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    };
    auto found = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                             [&](char a, char b) { return fold(a) == fold(b); });
    return found != haystack.end();
}

bool matches(const State& state, const Chat& chat, const ChatFilter& filter) {
    if (filter.status && chat.status != *filter.status)
        return false;
    if (filter.channel && chat.channel != *filter.channel)
        return false;
    if (filter.queue && chat.queue != *filter.queue)
        return false;
    if (filter.from && chat.created_at < *filter.from)
        return false;
    if (filter.to && chat.created_at >= *filter.to)
        return false;
    if (!filter.customer.empty()) {
        auto customer = state.customers.find(chat.customer);
        const bool known = customer != state.customers.end() &&
                           (contains_folded(customer->second.name, filter.customer) ||
                            contains_folded(customer->second.contact, filter.customer));
        if (!known && !contains_folded(chat.customer, filter.customer))
            return false;
    }
    if (!filter.operator_name.empty()) {
        if (!chat.last_assignee)
            return false;
        if (!operator_matches(state, *chat.last_assignee, filter.operator_name))
            return false;
    }
    if (!filter.content.empty()) {
        const bool said =
            std::any_of(chat.messages.begin(), chat.messages.end(), [&](const Message& m) {
                return m.author.kind != AuthorKind::system &&
                       contains_folded(m.text, filter.content);
            });
        if (!said)
            return false;
    }
    return true;
}

}  // namespace

bool operator_matches(const State& state, const AgentId& agent, const std::string& text) {
    return contains_folded(name_of(state, agent), text) || contains_folded(agent, text);
}

std::vector<ChatId> search_chats(const State& state, const ChatFilter& filter) {
    std::vector<ChatId> out;
    for (auto it = state.chats.rbegin(); it != state.chats.rend(); ++it) {
        if (!vacated(*it) && matches(state, *it, filter))
            out.push_back(it->id);
    }
    return out;
}

// [SECTION] Conversation state

bool needs_reply(const Chat& chat) {
    for (auto it = chat.messages.rbegin(); it != chat.messages.rend(); ++it) {
        if (it->author.kind == AuthorKind::customer)
            return true;
        if (it->author.kind == AuthorKind::agent)
            return false;
    }
    return false;
}

}  // namespace parley::core
