#include "sim/customer.h"

#include <algorithm>
#include <boost/beast/http/verb.hpp>
#include <nlohmann/json.hpp>

#include "sim/client/http_client.h"

namespace parley::sim {
namespace {

// Chat-widget typing speed, in characters a second, and the bounds of one typing spell.
constexpr double kTypingCharsPerSecond = 6;
constexpr double kShortestTyping = 1.5;
constexpr double kLongestTyping = 12;

Persona::Fate draw_fate(Rng& rng, const Behaviour& behaviour) {
    double draw = rng.uniform();
    for (const auto& [probability, fate] :
         {std::pair{behaviour.cancel_while_waiting, Persona::Fate::cancels_while_waiting},
          std::pair{behaviour.cancel_mid_chat, Persona::Fate::cancels_mid_chat},
          std::pair{behaviour.go_silent, Persona::Fate::goes_silent}}) {
        if (draw < probability) {
            return fate;
        }
        draw -= probability;
    }
    return Persona::Fate::talks;
}

}  // namespace

Persona draw_persona(Rng& rng, const SimOptions& options) {
    Persona persona;
    persona.language = rng.pick(options.languages);
    const Phrasebook& book = *phrasebook(persona.language);
    persona.name = rng.pick(book.first_names) + " " + rng.pick(book.last_names);
    persona.email = "customer-" + std::to_string(rng.index(1000000)) + "@example." +
                    (persona.language == "en" ? std::string("com") : persona.language);
    std::vector<double> weights;
    for (const QueueWeight& queue : options.queues) {
        weights.push_back(queue.weight);
    }
    persona.queue = options.queues[rng.weighted(weights)].queue;
    persona.topic = rng.pick(topics_for_queue(persona.queue));
    persona.question = rng.pick(book.questions[persona.topic]);
    persona.fate = draw_fate(rng, options.behaviour);
    persona.follow_ups = 1 + static_cast<int>(rng.index(2));
    persona.patience_seconds = persona.fate == Persona::Fate::cancels_while_waiting
                                   ? rng.between(20, 60)
                                   : rng.between(180, 480);
    persona.rates = rng.chance(options.behaviour.csat);
    persona.score = 1 + static_cast<int>(rng.weighted({0.05, 0.05, 0.15, 0.3, 0.45}));
    return persona;
}

Customer::Customer(const SimContext& context, Persona persona, Rng rng)
    : context_(context), persona_(std::move(persona)), rng_(rng) {}

void Customer::start() {
    const nlohmann::json body = {{"name", persona_.name},
                                 {"email", persona_.email},
                                 {"queue", persona_.queue},
                                 {"topic", topic_name(persona_.topic)},
                                 {"question", persona_.question}};
    client::async_http(context_.io, context_.server,
                       {boost::beast::http::verb::post, "/api/chats", body.dump(), ""},
                       [weak = weak_from_this()](client::HttpResult result) {
                           if (auto self = weak.lock()) {
                               self->on_started(result.status,
                                                result.status ? result.body : result.error);
                           }
                       });
}

void Customer::stop() {
    // Nobody is left to answer a chat still waiting for an agent: cancel it rather than leave
    // it queued for the next run's agents. The socket goes when the simulation's loop stops.
    if (waiting_ && !answered_ && !closed_) {
        cancel();
    } else if (link_) {
        link_->close();
    }
    finished_ = true;
}

void Customer::on_started(unsigned status, const std::string& body) {
    const auto answer = nlohmann::json::parse(body, nullptr, false);
    if (status != 201 || !answer.is_object() || !answer.contains("chat") ||
        !answer.contains("token")) {
        context_.stats.failures.fetch_add(1);
        context_.log("customer " + persona_.name + " could not start a chat in " + persona_.queue +
                     ": " + std::to_string(status) + " " + body);
        finished_ = true;
        return;
    }
    chat_ = answer.at("chat").get<std::string>();
    who_ = chat_;
    context_.stats.chats_started.fetch_add(1);
    waiting_ = true;
    follow_ups_left_ = persona_.follow_ups;
    const auto self = shared_from_this();
    link_ = std::make_shared<ProtocolLink>(context_, who_, answer.at("token").get<std::string>(),
                                           handlers_for(self));
    link_->start();
    context_.after(persona_.patience_seconds,
                   guarded(self, [](Customer& me) { me.give_up_waiting(); }));
}

void Customer::on_ended(const std::string& why) {
    context_.stats.failures.fetch_add(1);
    context_.log("customer " + persona_.name + " (" + chat_ + ") lost the connection: " + why);
    finished_ = true;
    waiting_ = false;
}

void Customer::on_synced(const core::State& state) {
    const core::Chat* chat = state.find_chat(chat_);
    if (chat != nullptr && chat->status == core::ChatStatus::closed && !closed_) {
        on_closed(chat->resolution ? chat->resolution->outcome : core::ResolutionOutcome::closed);
    }
}

void Customer::on_event(const core::EventEnvelope& envelope) {
    const core::Event& event = envelope.event;
    if (const auto* posted = std::get_if<core::MessagePosted>(&event)) {
        if (posted->chat == chat_ && posted->author.kind == core::AuthorKind::agent) {
            on_agent_message(posted->message);
        }
    } else if (const auto* assigned = std::get_if<core::ChatAssigned>(&event)) {
        waiting_ = waiting_ && assigned->chat != chat_;
    } else if (std::holds_alternative<core::ChatReleased>(event) ||
               std::holds_alternative<core::ChatMovedToQueue>(event) ||
               std::holds_alternative<core::TransferDeclined>(event)) {
        // Back in a queue: waiting for the next agent again.
        waiting_ = !closed_;
    } else if (const auto* ended = std::get_if<core::ChatClosed>(&event)) {
        if (ended->chat == chat_ && !closed_) {
            on_closed(ended->outcome);
        }
    }
}

void Customer::on_agent_message(core::MessageId message) {
    const bool first_answer = !answered_;
    answered_ = true;
    waiting_ = false;
    const std::vector<std::string_view> if_closed = {"chat_closed"};
    link_->send(core::MarkDelivered{chat_, message}, if_closed);
    context_.after(rng_.between(1, 4), guarded(shared_from_this(), [message](Customer& me) {
                       me.link_->send(core::MarkRead{me.chat_, message}, {"chat_closed"});
                   }));
    if (first_answer && persona_.fate == Persona::Fate::goes_silent) {
        silent_ = true;
        context_.stats.silent.fetch_add(1);
    }
    if (first_answer && persona_.fate == Persona::Fate::cancels_mid_chat) {
        context_.after(rng_.between(5, 15),
                       guarded(shared_from_this(), [](Customer& me) { me.cancel(); }));
        return;
    }
    if (silent_ || reply_planned_ || cancelled_ || closed_) {
        return;
    }
    reply_planned_ = true;
    context_.after(rng_.between(4, 12),
                   guarded(shared_from_this(), [](Customer& me) { me.reply(); }));
}

void Customer::reply() {
    reply_planned_ = false;
    if (silent_ || cancelled_ || closed_) {
        return;
    }
    const Phrasebook& book = *phrasebook(persona_.language);
    std::string text;
    if (follow_ups_left_ > 0) {
        --follow_ups_left_;
        text = rng_.pick(book.follow_ups);
    } else if (!thanked_) {
        thanked_ = true;
        text = rng_.pick(book.thanks);
    } else {
        return;
    }
    link_->send(core::SetTyping{chat_, true}, {"chat_closed"});
    const double typing = std::clamp(static_cast<double>(text.size()) / kTypingCharsPerSecond,
                                     kShortestTyping, kLongestTyping);
    context_.after(typing, guarded(shared_from_this(), [text](Customer& me) { me.post(text); }));
}

void Customer::post(const std::string& text) {
    if (closed_ || cancelled_) {
        return;
    }
    link_->send(core::PostCustomerMessage{chat_, text, {}}, {"chat_closed"},
                count_when_acked(context_.stats.messages));
}

void Customer::give_up_waiting() {
    if (waiting_ && !answered_ && !closed_) {
        cancel();
    }
}

void Customer::cancel() {
    if (cancelled_ || closed_) {
        return;
    }
    cancelled_ = true;
    link_->send(core::CustomerCancelChat{chat_}, {"chat_closed", "already_cancelled"},
                count_when_acked(context_.stats.cancelled));
}

void Customer::on_closed(core::ResolutionOutcome outcome) {
    closed_ = true;
    waiting_ = false;
    context_.stats.closed.fetch_add(1);
    // Only someone who stayed to the end and was answered rates the chat.
    if (!answered_ || !persona_.rates || cancelled_ || silent_ ||
        outcome == core::ResolutionOutcome::cancelled_by_customer) {
        finish();
        return;
    }
    context_.after(rng_.between(3, 10), guarded(shared_from_this(), [](Customer& me) {
                       const Phrasebook& book = *phrasebook(me.persona_.language);
                       const std::string comment =
                           me.rng_.chance(0.5) ? me.rng_.pick(book.csat_comments) : "";
                       me.link_->send(core::SubmitCsat{me.chat_, me.persona_.score, comment},
                                      {"csat_already_submitted"},
                                      [weak = me.weak_from_this()](const std::string& code) {
                                          if (auto self = weak.lock()) {
                                              if (code.empty()) {
                                                  self->context_.stats.csat.fetch_add(1);
                                              }
                                              self->finish();
                                          }
                                      });
                   }));
}

void Customer::finish() {
    finished_ = true;
    waiting_ = false;
    if (link_) {
        link_->close();
    }
}

}  // namespace parley::sim
