// Test fixture for the core: runs commands through decide() and apply() the way the server
// does, keeps the event log, and checks every invariant after every event and replay at the
// end. Tests read as given (helpers) / when (run) / then (expectations).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/apply.h"
#include "core/decide.h"
#include "core/invariants.h"
#include "core/names.h"
#include "core/queries.h"

namespace parley::core::testing {

inline constexpr Timestamp kStart = 1'700'000'000'000;

class CoreTest : public ::testing::Test {
protected:
    void TearDown() override;

    // [SECTION] When
    // Decides with a fresh command id and applies what was decided. A StartChat without a chat
    // id gets next_chat_id(), as the server gives each one a fresh id.
    Decision run(const Actor& actor, Command command);
    // Runs and fails the test unless accepted; returns the events.
    std::vector<EventEnvelope> ok(const Actor& actor, Command command);
    // Runs and fails the test unless refused with `code`; returns the rejection.
    Rejection refused(const Actor& actor, Command command, std::string_view code);
    void advance(Duration by) { now += by; }
    std::vector<EventEnvelope> tick();

    // [SECTION] Given
    QueueId add_queue(const std::string& name, RoutingMode mode = RoutingMode::pick,
                      bool accepts_transfers = true);
    void set_mode(QueueId queue, RoutingMode mode);
    // An enabled, online agent in `queues`.
    Actor add_agent(const std::string& id, std::vector<QueueId> queues, int capacity = 3,
                    Role role = Role::agent, const std::string& company = "");
    void set_presence(const Actor& agent, Presence presence);
    ChatId start_chat(const std::string& customer, QueueId queue = kGeneralQueueId,
                      const std::string& company = "", const std::string& text = "Hello");
    // A chat in a pick queue, accepted by `agent`.
    ChatId held_chat(const Actor& agent, QueueId queue, const std::string& customer = "cust");
    void set_company_filter(bool on);

    const Chat& chat(ChatId id) const { return *state.find_chat(id); }
    // "chat-0001", "chat-0002", ...: readable in failures and sorted in the order started.
    ChatId next_chat_id() const;
    // The id of the n-th chat started (1-based).
    static ChatId chat_id(std::size_t n);
    int load(const Actor& agent) const { return state.chats_of(agent.id).load(); }
    template <typename E>
    static const E* find_event(const std::vector<EventEnvelope>& events) {
        for (const auto& e : events) {
            if (const auto* found = std::get_if<E>(&e.event))
                return found;
        }
        return nullptr;
    }

    // How a decided event reaches the State: applied here; the console tests' server records
    // it through the engine, which also numbers it and delivers it to the feeds.
    virtual void commit(const EventEnvelope& event) { parley::core::apply(state, event); }

    State state;
    Timestamp now = kStart;
    std::vector<EventEnvelope> log;
    Actor system = Actor::system();

private:
    int next_command_ = 0;
};

// The smallest team: a Support queue with Maria and Ivan in it.
class SupportTeamTest : public CoreTest {
protected:
    void SetUp() override {
        support = add_queue("Support");
        maria = add_agent("maria", {support});
        ivan = add_agent("ivan", {support});
    }

    QueueId support = 0;
    Actor maria;
    Actor ivan;
};

// The most common given: the Support team, a supervisor, Boss, and Anna's chat that Maria
// holds.
class HeldChatTest : public SupportTeamTest {
protected:
    void SetUp() override {
        SupportTeamTest::SetUp();
        boss = add_agent("boss", {}, 3, Role::supervisor);
        id = held_chat(maria, support, "anna");
    }

    Actor boss;
    Actor anna = Actor::customer("anna");
    ChatId id;
};

std::string describe(const Command& command);

}  // namespace parley::core::testing
