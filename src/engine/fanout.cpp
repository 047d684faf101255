// Candidate feeds per event, filtered through the core's visibility rules.
#include "engine/fanout.h"

#include <algorithm>
#include <type_traits>

#include "core/customer_view.h"
#include "core/visibility.h"
#include "protocol/codec.h"
#include "protocol/session.h"

namespace parley::engine {
namespace {

std::optional<core::AgentId> agent_named_by(const core::Event& event) {
    return std::visit(
        [](const auto& ev) -> std::optional<core::AgentId> {
            if constexpr (requires { ev.agent.id; }) {
                return ev.agent.id;
            } else if constexpr (requires { ev.agent; }) {
                if constexpr (std::is_same_v<std::decay_t<decltype(ev.agent)>, core::AgentId>) {
                    return ev.agent;
                }
            }
            return std::nullopt;
        },
        event);
}

// A ticket's status concerns the chats linked to it as well as the one it was raised in.
std::vector<core::ChatId> linked_chats_of(const core::State& state, const core::Event& event) {
    const auto* changed = std::get_if<core::TicketStatusChanged>(&event);
    const core::Ticket* ticket = changed ? state.find_ticket(changed->ticket) : nullptr;
    return ticket ? ticket->linked_chats : std::vector<core::ChatId>{};
}

}  // namespace

EventFanout::EventFanout(const Feeds& feeds, const core::State& before,
                         const core::EventEnvelope& event)
    : feeds_(feeds), event_(event), chat_(core::chat_of(before, event.event)) {
    if (chat_) {
        if (const core::Chat* chat = before.find_chat(*chat_)) {
            add_chat_candidates(before, *chat, true);
            if (feeds_.find(core::Actor::customer(chat->customer))) {
                message_states_before_.reserve(chat->messages.size());
                for (const core::Message& message : chat->messages) {
                    message_states_before_.push_back(message.state);
                }
            }
        }
        for (const core::ChatId& linked : linked_chats_of(before, event.event)) {
            if (const core::Chat* chat = before.find_chat(linked)) {
                add_chat_candidates(before, *chat, true);
            }
        }
        return;
    }
    if (const auto agent = agent_named_by(event.event)) {
        const core::Agent* found = before.find_agent(*agent);
        scope_ = Scope{*agent, found ? std::optional(*found) : std::nullopt};
    }
}

void EventFanout::add(const std::shared_ptr<Feed>& feed, bool saw_before) {
    if (!feed) {
        return;
    }
    for (Candidate& candidate : candidates_) {
        if (candidate.feed == feed) {
            return;
        }
    }
    candidates_.push_back({feed, saw_before});
}

void EventFanout::add_agent(const core::AgentId& agent, bool saw_before) {
    add(feeds_.find(core::Actor::agent(agent)), saw_before);
}

// With `before`, each candidate also records whether it could see the chat then.
void EventFanout::add_chat_candidates(const core::State& state, const core::Chat& chat,
                                      bool before) {
    const auto consider = [&](const std::shared_ptr<Feed>& feed) {
        if (feed) {
            add(feed, before && core::may_see_chat(state, feed->actor(), chat));
        }
    };
    consider(feeds_.find(core::Actor::customer(chat.customer)));
    if (chat.assignee) {
        consider(feeds_.find(core::Actor::agent(*chat.assignee)));
    }
    if (chat.offer) {
        consider(feeds_.find(core::Actor::agent(chat.offer->agent)));
    }
    if (chat.pending_transfer) {
        consider(feeds_.find(core::Actor::agent(chat.pending_transfer->to)));
        consider(feeds_.find(core::Actor::agent(chat.pending_transfer->from)));
    }
    for (const core::AgentId& participant : chat.participants) {
        consider(feeds_.find(core::Actor::agent(participant)));
    }
    if (chat.first_responder) {
        consider(feeds_.find(core::Actor::agent(*chat.first_responder)));
    }
    if (chat.last_assignee) {
        consider(feeds_.find(core::Actor::agent(*chat.last_assignee)));
    }
    if (chat.status == core::ChatStatus::queued) {
        if (const core::Queue* queue = state.find_queue(chat.queue)) {
            for (const core::AgentId& member : queue->members) {
                consider(feeds_.find(core::Actor::agent(member)));
            }
        }
    }
    for (const auto& feed : feeds_.wide()) {
        consider(feed);
    }
}

std::vector<Delivery> EventFanout::deliveries(const core::State& after, std::uint64_t seq,
                                              const std::string& event_json) {
    std::vector<Delivery> result;
    Message staff_message;
    const auto staff_form = [&] {
        if (!staff_message) {
            staff_message = std::make_shared<const std::string>(
                protocol::encode_event_message(seq, event_json));
        }
        return staff_message;
    };
    if (!chat_) {
        const core::Agent* changed = nullptr;
        if (scope_) {
            const core::Agent* now = after.find_agent(scope_->agent);
            const core::Agent* before = scope_->before ? &*scope_->before : nullptr;
            if (!core::same_sight(before, now)) {
                changed = now;
                changed_sight_ = scope_->agent;
            }
        }
        for (const auto& feed : feeds_.staff()) {
            const bool resync = changed && feed->actor() == core::Actor::agent(changed->id);
            if (resync) {
                result.push_back({feed, sync_message(after, feed->actor(), seq)});
            } else if (core::view_for(after, feed->actor(), event_)) {
                result.push_back({feed, staff_form()});
            }
        }
        return result;
    }
    const core::Chat* chat = after.find_chat(*chat_);
    if (!chat) {
        // Archived: the staff who saw it drop it from their replicas. The customer's view of
        // their ended chat stays as it is.
        for (const Candidate& candidate : candidates_) {
            if (candidate.saw_chat_before &&
                candidate.feed->actor().kind != core::ActorKind::customer) {
                result.push_back({candidate.feed, staff_form()});
            }
        }
        return result;
    }
    add_chat_candidates(after, *chat, false);
    Message chat_message;
    for (const Candidate& candidate : candidates_) {
        const core::Actor& actor = candidate.feed->actor();
        if (core::brings_chat_into_view(after, actor, event_, candidate.saw_chat_before)) {
            if (!chat_message) {
                chat_message = std::make_shared<const std::string>(
                    protocol::encode_chat_message(seq, core::chat_for(after, actor, *chat)));
            }
            result.push_back({candidate.feed, chat_message});
            continue;
        }
        const auto view = core::view_for(after, actor, event_, candidate.saw_chat_before);
        if (!view) {
            continue;
        }
        if (*view == event_) {
            result.push_back({candidate.feed, staff_form()});
        } else {
            result.push_back(
                {candidate.feed, std::make_shared<const std::string>(protocol::encode_event_message(
                                     seq, protocol::encode_event(*view)))});
        }
        if (actor.kind == core::ActorKind::customer) {
            result.push_back(
                {candidate.feed, chat_view_message(after, actor, *chat, seq, view->command_id,
                                                   first_changed_message(*chat))});
        }
    }
    return result;
}

std::size_t EventFanout::first_changed_message(const core::Chat& after) const {
    const std::size_t kept = std::min(message_states_before_.size(), after.messages.size());
    for (std::size_t i = 0; i < kept; ++i) {
        if (after.messages[i].state != message_states_before_[i]) {
            return i;
        }
    }
    return kept;
}

Message chat_view_message(const core::State& state, const core::Actor& customer,
                          const core::Chat& chat, std::uint64_t seq,
                          const core::CommandId& command_id, std::size_t messages_from) {
    protocol::ChatViewMessage message{seq, std::nullopt, messages_from,
                                      core::customer_view(state, customer, chat, messages_from)};
    if (!command_id.empty()) {
        message.command_id = command_id;
    }
    return std::make_shared<const std::string>(protocol::encode_chat_view(message));
}

Message sync_message(const core::State& state, const core::Actor& actor, std::uint64_t seq) {
    return std::make_shared<const std::string>(
        protocol::encode_sync(seq, protocol::encode_snapshot(core::visible_state(state, actor)),
                              core::customer_views(state, actor)));
}

}  // namespace parley::engine
