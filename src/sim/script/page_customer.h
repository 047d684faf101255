// One customer of the in-page demo: starts a chat in their queue, reads what the agent writes
// (delivered, then read), types and answers with follow-ups and thanks, and may rate the chat
// once it is closed; some lose patience waiting, cancel mid-chat or go silent, as their
// persona says. They look at their own chat only.
#pragma once

#include "core/events.h"
#include "core/ids.h"
#include "core/state.h"
#include "sim/script/cast.h"
#include "sim/script/persona.h"
#include "sim/script/rng.h"

namespace parley::sim {

class PageCustomer {
public:
    PageCustomer(Cast& cast, Persona persona, Rng rng);
    PageCustomer(const PageCustomer&) = delete;
    PageCustomer& operator=(const PageCustomer&) = delete;

    void arrive();
    const core::ChatId& chat() const { return chat_; }
    const core::Actor& actor() const { return actor_; }
    // Still waiting for an agent to take the chat.
    bool waiting() const;
    // After each event about this customer's chat.
    void notice(const core::Event& event);

private:
    const core::Chat* find() const;
    bool over() const;
    void send(core::Command command);
    void on_agent_message(core::MessageId message);
    void reply();
    void on_closed(core::ResolutionOutcome outcome);

    Cast& cast_;
    Persona persona_;
    Rng rng_;
    CustomerReplies replies_;
    core::Actor actor_;
    core::ChatId chat_;
    int answers_ = 0;
    bool reply_planned_ = false;
    bool left_ = false;  // cancelled or went silent: says nothing more
};

}  // namespace parley::sim
