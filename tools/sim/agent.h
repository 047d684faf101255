// One simulated agent, signed in with a staff token: goes online, accepts the next waiting
// chat while under capacity, greets and answers with canned-like lines after thinking and
// typing, sometimes transfers to a colleague or another queue with a side note or releases
// the chat, accepts or declines hand-overs, and closes with a resolution (abandons when the
// customer cancelled, closes as not responding when they went silent).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/events.h"
#include "core/ids.h"
#include "core/state.h"
#include "sim/context.h"
#include "sim/protocol_link.h"
#include "sim/script/corpus.h"
#include "sim/script/rng.h"

namespace parley::sim {

struct QueueInfo {
    core::QueueId id = 0;
    std::string name;
};

struct AgentAccount {
    std::string id;
    std::string name;
    std::string token;
};

class Agent : public std::enable_shared_from_this<Agent> {
public:
    Agent(const SimContext& context, AgentAccount account, std::vector<std::string> colleagues,
          std::vector<QueueInfo> queues, Rng rng);

    void start();
    void stop();

    // What the session reports (ProtocolLink calls these).
    void on_synced(const core::State& state);
    void on_event(const core::EventEnvelope& envelope);
    void on_chat(const core::Chat& chat);
    void on_ended(const std::string& why);

private:
    using Clock = std::chrono::steady_clock;
    struct Held {
        std::optional<Topic> topic;
        std::string customer;
        int replies = 0;
        int planned_replies = 2;
        bool reply_planned = false;
        bool came_by_transfer = false;
        bool ending = false;
        Clock::time_point last_agent_message{};
        bool customer_spoke_since = true;
    };

    void learn(const core::Chat& chat, const std::string& customer_name);
    void poll();
    void plan_accept();
    void accept_offer(const core::ChatId& chat);
    void take(const core::ChatId& chat, bool by_transfer);
    void on_customer_message(const core::ChatId& chat, core::MessageId message);
    void plan_reply(const core::ChatId& chat);
    void reply(const core::ChatId& chat);
    void post(const core::ChatId& chat, const std::string& text);
    void maybe_hand_over(const core::ChatId& chat);
    // Counts the hand-over and forgets the chat once the server acknowledged it.
    ProtocolLink::Answered let_go_when_acked(const core::ChatId& chat,
                                             std::atomic<std::uint64_t>& counter);
    void answer_transfer(const core::ChatId& chat);
    void finish(const core::ChatId& chat);
    void close_silent(const core::ChatId& chat);
    void abandon(const core::ChatId& chat);
    Held* held(const core::ChatId& chat);
    const QueueInfo* other_queue(const core::ChatId& chat);
    std::string first_name() const;

    const SimContext& context_;
    AgentAccount account_;
    std::vector<std::string> colleagues_;
    std::vector<QueueInfo> queues_;
    Rng rng_;
    std::shared_ptr<ProtocolLink> link_;
    std::map<core::ChatId, Held> held_;
    std::map<core::ChatId, core::QueueId> queue_of_;
    std::map<core::ChatId, std::optional<Topic>> topic_of_;
    std::map<core::ChatId, std::string> customer_of_;
    std::set<core::ChatId> transfers_answered_;
    bool online_ = false;
    bool accept_planned_ = false;
    bool stopped_ = false;
};

}  // namespace parley::sim
