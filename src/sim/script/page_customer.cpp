#include "sim/script/page_customer.h"

#include <algorithm>

namespace parley::sim {

PageCustomer::PageCustomer(Cast& cast, Persona persona, Rng rng)
    : cast_(cast), persona_(std::move(persona)), rng_(rng), replies_(persona_) {}

const core::Chat* PageCustomer::find() const {
    return chat_.empty() ? nullptr : cast_.stage.state().find_chat(chat_);
}

bool PageCustomer::waiting() const {
    const core::Chat* chat = find();
    return chat != nullptr &&
           (chat->status == core::ChatStatus::queued || chat->status == core::ChatStatus::offered);
}

bool PageCustomer::over() const {
    const core::Chat* chat = find();
    return chat == nullptr || chat->status == core::ChatStatus::closed ||
           chat->status == core::ChatStatus::archived;
}

void PageCustomer::send(core::Command command) {
    cast_.act(actor_, std::move(command));
}

void PageCustomer::arrive() {
    actor_ = core::Actor::customer(cast_.stage.new_id("cus_"));
    const auto& queues = cast_.stage.state().queues;
    const auto queue = std::find_if(queues.begin(), queues.end(), [&](const core::Queue& q) {
        return q.config.name == persona_.queue;
    });
    core::StartChat start;
    start.customer = {actor_.id, persona_.name, persona_.email, ""};
    start.text = persona_.question;
    start.bot_context.emplace();
    start.bot_context->attributes["topic"] = std::string(topic_name(persona_.topic));
    if (queue != queues.end()) {
        start.queue = queue->id;
    }
    const StageAnswer answer = cast_.act(actor_, std::move(start));
    if (!answer.started) {
        return;
    }
    chat_ = *answer.started;
    cast_.agenda.after(persona_.patience_seconds, [this] {
        if (waiting() && answers_ == 0 && !left_) {
            left_ = true;
            send(core::CustomerCancelChat{chat_});
        }
    });
}

void PageCustomer::notice(const core::Event& event) {
    if (const auto* posted = std::get_if<core::MessagePosted>(&event)) {
        if (posted->author.kind == core::AuthorKind::agent) {
            on_agent_message(posted->message);
        }
    } else if (const auto* closed = std::get_if<core::ChatClosed>(&event)) {
        on_closed(closed->outcome);
    }
}

void PageCustomer::on_agent_message(core::MessageId message) {
    ++answers_;
    send(core::MarkDelivered{chat_, message});
    cast_.agenda.after(rng_.between(1, 4), [this, message] {
        if (!over()) {
            send(core::MarkRead{chat_, message});
        }
    });
    if (answers_ == 1 && persona_.fate == Persona::Fate::goes_silent) {
        left_ = true;
    }
    if (answers_ == 1 && persona_.fate == Persona::Fate::cancels_mid_chat) {
        left_ = true;
        cast_.agenda.after(rng_.between(5, 15), [this] {
            if (!over()) {
                send(core::CustomerCancelChat{chat_});
            }
        });
    }
    if (left_ || reply_planned_) {
        return;
    }
    reply_planned_ = true;
    cast_.agenda.after(rng_.between(3, 8), [this] { reply(); });
}

void PageCustomer::reply() {
    reply_planned_ = false;
    const std::string text = replies_.next(rng_);
    if (text.empty() || over()) {
        return;
    }
    send(core::SetTyping{chat_, true});
    cast_.agenda.after(typing_seconds(text), [this, text] {
        if (!over()) {
            send(core::PostCustomerMessage{chat_, text, {}});
        }
    });
}

void PageCustomer::on_closed(core::ResolutionOutcome outcome) {
    // Only someone who stayed to the end and was answered rates the chat.
    if (answers_ == 0 || left_ || !persona_.rates ||
        outcome == core::ResolutionOutcome::cancelled_by_customer) {
        return;
    }
    left_ = true;
    cast_.agenda.after(rng_.between(3, 10), [this] {
        const Phrasebook& book = *phrasebook(persona_.language);
        send(core::SubmitCsat{chat_, persona_.score,
                              rng_.chance(0.5) ? rng_.pick(book.csat_comments) : ""});
    });
}

}  // namespace parley::sim
