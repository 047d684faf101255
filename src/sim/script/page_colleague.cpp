// [SECTION] Looking around
// [SECTION] Talking
// [SECTION] Handing chats on and ending them
#include "sim/script/page_colleague.h"

#include "core/queries.h"
#include "core/rules.h"

namespace parley::sim {
namespace {

constexpr double kLookEverySeconds = 2;
// The visitor gets the first chance at every chat: a colleague picks one only after this.
constexpr core::Duration kLeaveToVisitor = 25 * core::kSecond;
// A customer quiet this long after the colleague's answer is closed as not responding.
constexpr core::Duration kPatienceWithSilence = 90 * core::kSecond;

std::string topic_of(const core::Chat& chat) {
    if (chat.bot_context) {
        const auto found = chat.bot_context->attributes.find("topic");
        if (found != chat.bot_context->attributes.end()) {
            return found->second;
        }
    }
    return std::string(topic_name(Topic::delivery));
}

std::string customer_name(const core::State& state, const core::Chat& chat) {
    const auto found = state.customers.find(chat.customer);
    return found == state.customers.end() ? "there" : found->second.name;
}

}  // namespace

PageColleague::PageColleague(Cast& cast, core::AgentId id, std::string first_name,
                             Behaviour behaviour, Rng rng)
    : cast_(cast),
      id_(std::move(id)),
      first_name_(std::move(first_name)),
      behaviour_(behaviour),
      rng_(rng) {}

StageAnswer PageColleague::act(core::Command command) {
    return cast_.act(core::Actor::agent(id_), std::move(command));
}

void PageColleague::start() {
    act(core::SetPresence{id_, core::Presence::online});
    cast_.agenda.after(rng_.between(0, kLookEverySeconds), [this] { look(); });
}

// [SECTION] Looking around

void PageColleague::look() {
    cast_.agenda.after(kLookEverySeconds, [this] { look(); });
    if (aside_) {
        held_.clear();
        return;
    }
    const core::State& state = cast_.stage.state();
    for (const core::ChatId& chat : core::transferred_list(state, id_)) {
        answer_transfer(chat);
    }
    std::map<core::ChatId, Held> still_held;
    for (const core::ChatId& id : core::my_chats(state, id_)) {
        const core::Chat* chat = state.find_chat(id);
        if (chat == nullptr || chat->assignee != id_) {
            continue;
        }
        Held held;
        if (const auto known = held_.find(id); known != held_.end()) {
            held = known->second;
        } else {
            held.planned_replies = 2 + static_cast<int>(rng_.index(2));
            held.came_by_transfer = chat->assigned_via_transfer;
        }
        attend(*chat, held);
        still_held.emplace(id, held);
    }
    held_ = std::move(still_held);
    take_waiting_chat(state);
}

void PageColleague::take_waiting_chat(const core::State& state) {
    if (accept_planned_) {
        return;
    }
    for (const core::ChatId& id : core::queue_list(state, id_)) {
        const core::Chat* chat = state.find_chat(id);
        if (chat != nullptr && cast_.stage.now() - chat->queued_since >= kLeaveToVisitor) {
            accept_planned_ = true;
            cast_.agenda.after(rng_.between(1, 3), [this, id] {
                accept_planned_ = false;
                act(core::AcceptChat{id});
            });
            return;
        }
    }
}

void PageColleague::answer_transfer(const core::ChatId& chat) {
    if (!transfers_answered_.insert(chat).second) {
        return;
    }
    cast_.agenda.after(rng_.between(3, 8), [this, chat] {
        if (rng_.chance(behaviour_.decline_transfer)) {
            act(core::DeclineTransfer{chat, rng_.pick(agent_lines().decline_reasons)});
        } else {
            act(core::AcceptTransfer{chat});
        }
    });
}

// [SECTION] Talking

void PageColleague::attend(const core::Chat& chat, Held& held) {
    if (held.busy) {
        return;
    }
    if (chat.customer_cancelled) {
        held.busy = true;
        cast_.agenda.after(rng_.between(3, 6), [this, id = chat.id] {
            act(core::AbandonChat{id, "Customer cancelled the chat."});
        });
        return;
    }
    const bool customer_spoke_last =
        chat.messages.empty() || chat.messages.back().author.kind == core::AuthorKind::customer;
    if (customer_spoke_last) {
        held.busy = true;
        cast_.agenda.after(rng_.between(3, 7), [this, id = chat.id] {
            act(core::SetTyping{id, true});
            cast_.agenda.after(rng_.between(2, 5), [this, id] { reply(id); });
        });
    } else if (cast_.stage.now() - chat.messages.back().at > kPatienceWithSilence) {
        held.busy = true;
        act(core::CloseChat{chat.id, "No response", "Customer stopped answering.", false});
    }
}

void PageColleague::reply(const core::ChatId& id) {
    const auto found = held_.find(id);
    const core::Chat* chat = cast_.stage.state().find_chat(id);
    if (found == held_.end() || chat == nullptr || chat->assignee != id_) {
        return;
    }
    Held& held = found->second;
    held.busy = false;
    if (held.replies >= held.planned_replies) {
        close(id, held);
        return;
    }
    const AgentLines& lines = agent_lines();
    const Topic topic = topic_named(topic_of(*chat)).value_or(Topic::delivery);
    std::string text;
    if (held.replies == 0) {
        text = fill(fill(rng_.pick(lines.greetings), "customer",
                         customer_name(cast_.stage.state(), *chat)),
                    "agent", first_name_) +
               " " + rng_.pick(lines.answers[topic]);
    } else if (held.replies + 1 < held.planned_replies) {
        text = rng_.pick(lines.checking) + " " + rng_.pick(lines.answers[topic]);
    } else {
        text = rng_.pick(lines.anything_else);
    }
    ++held.replies;
    act(core::PostAgentMessage{id, text, {}});
    if (held.replies == 1 && !held.came_by_transfer) {
        held.busy = true;
        cast_.agenda.after(rng_.between(3, 8), [this, id] { maybe_hand_over(id); });
    }
}

// [SECTION] Handing chats on and ending them

void PageColleague::maybe_hand_over(const core::ChatId& id) {
    const auto found = held_.find(id);
    const core::Chat* chat = cast_.stage.state().find_chat(id);
    if (found == held_.end() || chat == nullptr) {
        return;
    }
    found->second.busy = false;
    const core::State& state = cast_.stage.state();
    const std::string side_note = rng_.pick(agent_lines().side_notes);
    const double draw = rng_.uniform();
    if (draw < behaviour_.transfer_to_agent) {
        std::vector<core::AgentId> colleagues = core::transfer_candidate_agents(state, *chat);
        std::erase(colleagues, id_);
        if (!colleagues.empty()) {
            act(core::TransferToAgent{id, rng_.pick(colleagues), side_note});
        }
    } else if (draw < behaviour_.transfer_to_agent + behaviour_.transfer_to_queue) {
        std::vector<core::QueueId> queues = core::transfer_candidate_queues(state, *chat);
        std::erase(queues, chat->queue);
        if (!queues.empty()) {
            act(core::TransferToQueue{id, rng_.pick(queues), side_note});
        }
    } else if (draw <
               behaviour_.transfer_to_agent + behaviour_.transfer_to_queue + behaviour_.release) {
        act(core::ReleaseChat{id});
    }
}

void PageColleague::close(const core::ChatId& id, Held& held) {
    held.busy = true;
    const core::Chat* chat = cast_.stage.state().find_chat(id);
    act(core::PostAgentMessage{id,
                               fill(rng_.pick(agent_lines().goodbyes), "customer",
                                    customer_name(cast_.stage.state(), *chat)),
                               {}});
    const std::string category = topic_of(*chat);
    cast_.agenda.after(rng_.between(2, 5), [this, id, category] {
        const std::string notes = rng_.pick(agent_lines().resolution_notes);
        if (rng_.chance(0.35)) {
            act(core::MarkSolved{id, category, notes});
        } else {
            act(core::CloseChat{id, category, notes, false});
        }
    });
}

}  // namespace parley::sim
