// One simulated customer: starts a chat through the customer REST path the web widget uses,
// then follows it over the WebSocket with the chat's token. Reads and answers the agent after
// thinking and typing; some cancel while waiting or mid-chat, some go silent, some rate the
// chat once it is closed.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/events.h"
#include "core/ids.h"
#include "core/state.h"
#include "sim/context.h"
#include "sim/protocol_link.h"
#include "sim/script/persona.h"
#include "sim/script/rng.h"

namespace parley::sim {

class Customer : public std::enable_shared_from_this<Customer> {
public:
    Customer(const SimContext& context, Persona persona, Rng rng);

    void start();
    // The run is ending: cancels the chat if it still waits for an agent.
    void stop();
    // Waiting for an agent: counted against --max-waiting.
    bool waiting() const { return waiting_; }
    bool finished() const { return finished_; }

    // What the session reports (ProtocolLink calls these).
    void on_synced(const core::State& state);
    void on_event(const core::EventEnvelope& envelope);
    void on_chat(const core::Chat&) {}
    void on_ended(const std::string& why);

private:
    void on_started(unsigned status, const std::string& body);
    void on_agent_message(core::MessageId message);
    void reply();
    void post(const std::string& text);
    void give_up_waiting();
    void cancel();
    void on_closed(core::ResolutionOutcome outcome);
    void finish();

    const SimContext& context_;
    Persona persona_;
    Rng rng_;
    CustomerReplies replies_;
    std::string who_;
    core::ChatId chat_;
    std::shared_ptr<ProtocolLink> link_;
    bool waiting_ = false;
    bool finished_ = false;
    bool answered_ = false;  // an agent wrote at least once
    bool silent_ = false;
    bool reply_planned_ = false;
    bool cancelled_ = false;
    bool closed_ = false;
};

}  // namespace parley::sim
