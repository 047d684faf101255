#include "sim/customer.h"

#include <boost/beast/http/verb.hpp>
#include <nlohmann/json.hpp>

#include "sim/client/http_client.h"

namespace parley::sim {
Customer::Customer(const SimContext& context, Persona persona, Rng rng)
    : context_(context), persona_(std::move(persona)), rng_(rng), replies_(persona_) {}

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
    const std::string text = replies_.next(rng_);
    if (text.empty()) {
        return;
    }
    link_->send(core::SetTyping{chat_, true}, {"chat_closed"});
    context_.after(typing_seconds(text),
                   guarded(shared_from_this(), [text](Customer& me) { me.post(text); }));
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
