// A simulated agent's day: what they see, taking chats, talking, handing chats on, ending them.
//
// [SECTION] What the agent sees
// [SECTION] Taking chats
// [SECTION] Talking
// [SECTION] Handing chats on
// [SECTION] Ending chats
#include "sim/agent.h"

#include <variant>

namespace parley::sim {
namespace {

// How long an agent waits on a customer who stopped answering before closing the chat
// themself, in a person's seconds; the server's own auto-close comes much later.
constexpr double kPatienceWithSilence = 120;
constexpr double kPollSeconds = 5;

// Refusals that are part of a busy floor, not a mistake of the sim. A chat that went to
// someone else refuses typing and receipts as not_authorized rather than not_assignee.
const std::vector<std::string_view> kChatMayHaveMoved = {"chat_closed", "not_assignee",
                                                         "not_authorized"};

std::optional<Topic> topic_in(const core::Chat& chat) {
    if (!chat.bot_context) {
        return std::nullopt;
    }
    const auto found = chat.bot_context->attributes.find("topic");
    return found == chat.bot_context->attributes.end() ? std::nullopt : topic_named(found->second);
}

}  // namespace

Agent::Agent(const SimContext& context, AgentAccount account, std::vector<std::string> colleagues,
             std::vector<QueueInfo> queues, Rng rng)
    : context_(context),
      account_(std::move(account)),
      colleagues_(std::move(colleagues)),
      queues_(std::move(queues)),
      rng_(rng) {}

void Agent::start() {
    link_ = std::make_shared<ProtocolLink>(context_, account_.id, account_.token,
                                           handlers_for(shared_from_this()));
    link_->start();
}

void Agent::on_ended(const std::string& why) {
    context_.stats.failures.fetch_add(1);
    context_.log("agent " + account_.id + " lost the connection: " + why);
    stopped_ = true;
}

void Agent::stop() {
    stopped_ = true;
    if (link_) {
        link_->close();
    }
}

std::string Agent::first_name() const {
    return account_.name.substr(0, account_.name.find(' '));
}

Agent::Held* Agent::held(const core::ChatId& chat) {
    const auto found = held_.find(chat);
    return found == held_.end() ? nullptr : &found->second;
}

// [SECTION] What the agent sees

void Agent::learn(const core::Chat& chat, const std::string& customer_name) {
    queue_of_[chat.id] = chat.queue;
    topic_of_[chat.id] = topic_in(chat);
    if (!customer_name.empty()) {
        customer_of_[chat.id] = customer_name;
    }
}

void Agent::on_synced(const core::State& state) {
    for (const core::Chat& chat : state.chats) {
        const auto customer = state.customers.find(chat.customer);
        learn(chat, customer == state.customers.end() ? "" : customer->second.name);
        if (chat.assignee == account_.id && !held(chat.id)) {
            take(chat.id, false);
        }
        if (chat.pending_transfer && chat.pending_transfer->to == account_.id) {
            answer_transfer(chat.id);
        }
    }
    if (!online_) {
        online_ = true;
        link_->send(core::SetPresence{account_.id, core::Presence::online}, {},
                    [weak = weak_from_this()](const std::string&) {
                        if (auto self = weak.lock()) {
                            self->poll();
                        }
                    });
    }
}

void Agent::on_chat(const core::Chat& chat) {
    learn(chat, "");
    if (chat.pending_transfer && chat.pending_transfer->to == account_.id) {
        answer_transfer(chat.id);
    } else if (chat.offer && chat.offer->agent == account_.id) {
        accept_offer(chat.id);
    } else if (chat.status == core::ChatStatus::queued) {
        plan_accept();
    }
}

void Agent::on_event(const core::EventEnvelope& envelope) {
    const core::Event& event = envelope.event;
    if (const auto* started = std::get_if<core::ChatStarted>(&event)) {
        queue_of_[started->chat] = started->queue;
        customer_of_[started->chat] = started->customer.name;
        topic_of_[started->chat] = std::nullopt;
        if (started->bot_context) {
            const auto found = started->bot_context->attributes.find("topic");
            if (found != started->bot_context->attributes.end()) {
                topic_of_[started->chat] = topic_named(found->second);
            }
        }
        plan_accept();
    } else if (const auto* posted = std::get_if<core::MessagePosted>(&event)) {
        if (posted->author.kind == core::AuthorKind::customer && held(posted->chat)) {
            on_customer_message(posted->chat, posted->message);
        }
    } else if (const auto* assigned = std::get_if<core::ChatAssigned>(&event)) {
        if (assigned->agent == account_.id) {
            context_.stats.accepted.fetch_add(1);
            take(assigned->chat, assigned->reason == core::AssignReason::transfer_accepted);
        } else {
            held_.erase(assigned->chat);
        }
    } else if (const auto* offered = std::get_if<core::ChatOffered>(&event)) {
        if (offered->agent == account_.id) {
            accept_offer(offered->chat);
        }
    } else if (const auto* requested = std::get_if<core::TransferRequested>(&event)) {
        held_.erase(requested->chat);
        if (requested->to == account_.id) {
            answer_transfer(requested->chat);
        }
    } else if (const auto* cancelled = std::get_if<core::CustomerCancelled>(&event)) {
        if (held(cancelled->chat)) {
            context_.after(
                rng_.between(3, 8),
                guarded(shared_from_this(), [id = cancelled->chat](Agent& me) { me.abandon(id); }));
        }
    } else if (const auto* moved = std::get_if<core::ChatMovedToQueue>(&event)) {
        queue_of_[moved->chat] = moved->to;
        held_.erase(moved->chat);
        plan_accept();
    } else if (const auto* released = std::get_if<core::ChatReleased>(&event)) {
        held_.erase(released->chat);
        plan_accept();
    } else if (std::holds_alternative<core::TransferDeclined>(event)) {
        plan_accept();
    } else if (const auto* closed = std::get_if<core::ChatClosed>(&event)) {
        held_.erase(closed->chat);
        plan_accept();
    }
}

// [SECTION] Taking chats

void Agent::poll() {
    if (stopped_) {
        return;
    }
    plan_accept();
    const auto now = Clock::now();
    std::vector<core::ChatId> gone_quiet;
    for (const auto& [chat, state] : held_) {
        const double quiet = std::chrono::duration<double>(now - state.last_agent_message).count();
        if (!state.customer_spoke_since && !state.ending &&
            quiet * context_.options.speed > kPatienceWithSilence) {
            gone_quiet.push_back(chat);
        }
    }
    for (const core::ChatId& chat : gone_quiet) {
        close_silent(chat);
    }
    context_.after(kPollSeconds, guarded(shared_from_this(), [](Agent& me) { me.poll(); }));
}

void Agent::plan_accept() {
    if (!online_ || stopped_ || accept_planned_ ||
        static_cast<int>(held_.size()) >= context_.options.agent_capacity) {
        return;
    }
    accept_planned_ = true;
    context_.after(rng_.between(2, 6), guarded(shared_from_this(), [](Agent& me) {
                       me.link_->send(core::AcceptNextChat{}, {"nothing_queued", "over_capacity"},
                                      [weak = me.weak_from_this()](const std::string& code) {
                                          if (auto self = weak.lock()) {
                                              self->accept_planned_ = false;
                                              // Taken one: there may be more waiting.
                                              if (code.empty()) {
                                                  self->plan_accept();
                                              }
                                          }
                                      });
                   }));
}

void Agent::accept_offer(const core::ChatId& chat) {
    context_.after(rng_.between(2, 6), guarded(shared_from_this(), [chat](Agent& me) {
                       me.link_->send(core::AcceptChat{chat}, {"not_offered", "already_assigned",
                                                               "chat_closed", "over_capacity"});
                   }));
}

void Agent::take(const core::ChatId& chat, bool by_transfer) {
    Held state;
    state.topic = topic_of_[chat];
    state.customer = customer_of_[chat];
    state.came_by_transfer = by_transfer;
    state.planned_replies = 2 + static_cast<int>(rng_.index(2));
    state.last_agent_message = Clock::now();
    held_[chat] = std::move(state);
    plan_reply(chat);
}

// [SECTION] Talking

void Agent::on_customer_message(const core::ChatId& chat, core::MessageId message) {
    held(chat)->customer_spoke_since = true;
    link_->send(core::MarkDelivered{chat, message}, kChatMayHaveMoved);
    context_.after(rng_.between(1, 3), guarded(shared_from_this(), [chat, message](Agent& me) {
                       if (me.held(chat)) {
                           me.link_->send(core::MarkRead{chat, message}, kChatMayHaveMoved);
                       }
                   }));
    plan_reply(chat);
}

void Agent::plan_reply(const core::ChatId& chat) {
    Held* state = held(chat);
    if (state == nullptr || state->reply_planned || state->ending) {
        return;
    }
    state->reply_planned = true;
    context_.after(rng_.between(3, 8), guarded(shared_from_this(), [chat](Agent& me) {
                       if (!me.held(chat)) {
                           return;
                       }
                       me.link_->send(core::SetTyping{chat, true}, kChatMayHaveMoved);
                       me.context_.after(me.rng_.between(2, 5),
                                         guarded(me.shared_from_this(),
                                                 [chat](Agent& self) { self.reply(chat); }));
                   }));
}

void Agent::reply(const core::ChatId& chat) {
    Held* state = held(chat);
    if (state == nullptr) {
        return;
    }
    state->reply_planned = false;
    const AgentLines& lines = agent_lines();
    const Topic topic = state->topic.value_or(Topic::delivery);
    if (state->replies >= state->planned_replies) {
        finish(chat);
        return;
    }
    std::string text;
    if (state->replies == 0) {
        const std::string customer = state->customer.empty() ? "there" : state->customer;
        text = fill(fill(rng_.pick(lines.greetings), "customer", customer), "agent", first_name()) +
               " " + rng_.pick(lines.answers[topic]);
    } else if (state->replies + 1 < state->planned_replies) {
        text = rng_.pick(lines.checking) + " " + rng_.pick(lines.answers[topic]);
    } else {
        text = rng_.pick(lines.anything_else);
    }
    const bool first = state->replies == 0;
    ++state->replies;
    post(chat, text);
    if (first && !state->came_by_transfer) {
        context_.after(rng_.between(3, 8), guarded(shared_from_this(), [chat](Agent& me) {
                           me.maybe_hand_over(chat);
                       }));
    }
}

void Agent::post(const core::ChatId& chat, const std::string& text) {
    if (Held* state = held(chat)) {
        state->last_agent_message = Clock::now();
        state->customer_spoke_since = false;
    }
    link_->send(core::PostAgentMessage{chat, text, {}}, kChatMayHaveMoved,
                count_when_acked(context_.stats.messages));
}

// [SECTION] Handing chats on

ProtocolLink::Answered Agent::let_go_when_acked(const core::ChatId& chat,
                                                std::atomic<std::uint64_t>& counter) {
    return [weak = weak_from_this(), chat, &counter](const std::string& code) {
        if (auto self = weak.lock(); self && code.empty()) {
            counter.fetch_add(1);
            self->held_.erase(chat);
        }
    };
}

const QueueInfo* Agent::other_queue(const core::ChatId& chat) {
    std::vector<const QueueInfo*> others;
    for (const QueueInfo& queue : queues_) {
        if (queue.id != queue_of_[chat]) {
            others.push_back(&queue);
        }
    }
    return others.empty() ? nullptr : rng_.pick(others);
}

void Agent::maybe_hand_over(const core::ChatId& chat) {
    Held* state = held(chat);
    if (state == nullptr || state->ending) {
        return;
    }
    const Behaviour& behaviour = context_.options.behaviour;
    const double draw = rng_.uniform();
    const std::string side_note = rng_.pick(agent_lines().side_notes);
    // When the server refuses a hand-over the agent simply goes on with the chat.
    if (draw < behaviour.transfer_to_agent && !colleagues_.empty()) {
        link_->send(core::TransferToAgent{chat, rng_.pick(colleagues_), side_note},
                    {"target_offline", "target_not_candidate", "self_transfer", "chat_closed",
                     "not_assignee", "transfer_pending", "agent_offline"},
                    let_go_when_acked(chat, context_.stats.transfers));
    } else if (draw < behaviour.transfer_to_agent + behaviour.transfer_to_queue) {
        if (const QueueInfo* target = other_queue(chat)) {
            link_->send(core::TransferToQueue{chat, target->id, side_note},
                        {"queue_refuses_transfers", "same_queue", "queue_disabled", "chat_closed",
                         "not_assignee", "transfer_pending"},
                        let_go_when_acked(chat, context_.stats.transfers));
        }
    } else if (draw <
               behaviour.transfer_to_agent + behaviour.transfer_to_queue + behaviour.release) {
        link_->send(core::ReleaseChat{chat}, {"chat_closed", "not_assignee", "transfer_pending"},
                    let_go_when_acked(chat, context_.stats.releases));
    }
}

void Agent::answer_transfer(const core::ChatId& chat) {
    if (!transfers_answered_.insert(chat).second) {
        return;
    }
    context_.after(
        rng_.between(3, 10), guarded(shared_from_this(), [chat](Agent& me) {
            const std::vector<std::string_view> expected = {"not_transfer_target", "chat_closed",
                                                            "over_capacity"};
            if (me.rng_.chance(me.context_.options.behaviour.decline_transfer)) {
                me.link_->send(
                    core::DeclineTransfer{chat, me.rng_.pick(agent_lines().decline_reasons)},
                    expected);
            } else {
                me.link_->send(core::AcceptTransfer{chat}, expected);
            }
        }));
}

// [SECTION] Ending chats

void Agent::finish(const core::ChatId& chat) {
    Held* state = held(chat);
    if (state == nullptr || state->ending) {
        return;
    }
    state->ending = true;
    const std::string customer = state->customer.empty() ? "there" : state->customer;
    post(chat, fill(rng_.pick(agent_lines().goodbyes), "customer", customer));
    const std::string category(topic_name(state->topic.value_or(Topic::delivery)));
    context_.after(rng_.between(2, 5), guarded(shared_from_this(), [chat, category](Agent& me) {
                       const std::string notes = me.rng_.pick(agent_lines().resolution_notes);
                       core::Command command =
                           me.rng_.chance(0.35)
                               ? core::Command(core::MarkSolved{chat, category, notes})
                               : core::Command(core::CloseChat{chat, category, notes, false});
                       me.link_->send(std::move(command), kChatMayHaveMoved,
                                      count_when_acked(me.context_.stats.resolutions));
                   }));
}

void Agent::close_silent(const core::ChatId& chat) {
    Held* state = held(chat);
    state->ending = true;
    link_->send(core::CloseChat{chat, "No response", "Customer stopped answering.", false},
                kChatMayHaveMoved, count_when_acked(context_.stats.resolutions));
}

void Agent::abandon(const core::ChatId& chat) {
    Held* state = held(chat);
    if (state == nullptr) {
        return;
    }
    state->ending = true;
    link_->send(core::AbandonChat{chat, "Customer cancelled the chat."}, kChatMayHaveMoved,
                count_when_acked(context_.stats.resolutions));
}

}  // namespace parley::sim
