// The core test fixture: decide, apply, check invariants after every event, replay at the end.
#include "core_fixture.h"

#include <algorithm>

namespace parley::core::testing {

void CoreTest::TearDown() {
    State replayed;
    parley::core::apply(replayed, log);
    EXPECT_TRUE(replayed == state) << "replaying the event log does not give the live state";
}

Decision CoreTest::run(const Actor& actor, Command command) {
    if (auto* start = std::get_if<StartChat>(&command); start && !start->chat)
        start->chat = next_chat_id();
    const CommandEnvelope envelope{"cmd-" + std::to_string(++next_command_), actor, now,
                                   std::move(command)};
    Decision decision = decide(state, envelope);
    for (const EventEnvelope& event : decision.events) {
        for (const std::string& problem : check_event(state, event))
            ADD_FAILURE() << problem;
        commit(event);
        log.push_back(event);
    }
    if (!decision.events.empty()) {
        for (const std::string& problem : check_state(state))
            ADD_FAILURE() << problem;
        const Decision again = decide(state, envelope);
        EXPECT_TRUE(again.duplicate && again.events.empty());
    }
    return decision;
}

std::vector<EventEnvelope> CoreTest::ok(const Actor& actor, Command command) {
    Decision decision = run(actor, std::move(command));
    EXPECT_TRUE(decision.accepted())
        << decision.rejection->code << ": " << decision.rejection->message;
    return decision.events;
}

Rejection CoreTest::refused(const Actor& actor, Command command, std::string_view code) {
    Decision decision = run(actor, std::move(command));
    EXPECT_FALSE(decision.accepted()) << "expected " << code << " but it was accepted";
    if (decision.accepted())
        return {};
    EXPECT_EQ(decision.rejection->code, code) << decision.rejection->message;
    EXPECT_FALSE(decision.rejection->message.empty());
    EXPECT_TRUE(decision.events.empty());
    return *decision.rejection;
}

std::vector<EventEnvelope> CoreTest::tick() {
    return ok(system, Tick{});
}

QueueId CoreTest::add_queue(const std::string& name, RoutingMode mode, bool accepts_transfers) {
    QueueConfig config;
    config.name = name;
    config.mode = mode;
    config.accepts_transfers = accepts_transfers;
    auto events = ok(system, CreateQueue{config});
    return std::get<QueueCreated>(events.at(0).event).queue;
}

void CoreTest::set_mode(QueueId queue, RoutingMode mode) {
    QueueConfig config = state.find_queue(queue)->config;
    config.mode = mode;
    ok(system, UpdateQueue{queue, config});
}

Actor CoreTest::add_agent(const std::string& id, std::vector<QueueId> queues, int capacity,
                          Role role, const std::string& company) {
    AgentProfile profile{id + " name", role, company};
    ok(system, CreateAgent{id, profile, capacity});
    for (QueueId queue : queues)
        ok(system, AddQueueMember{queue, id});
    const Actor actor = Actor::agent(id);
    ok(actor, SetPresence{id, Presence::online});
    advance(kSecond);
    return actor;
}

void CoreTest::set_presence(const Actor& agent, Presence presence) {
    ok(agent, SetPresence{agent.id, presence});
}

ChatId CoreTest::start_chat(const std::string& customer, QueueId queue, const std::string& company,
                            const std::string& text) {
    const Customer who{customer, customer + " name", customer + "@example.com", company};
    auto events = ok(Actor::customer(customer), StartChat{who, Channel::web, queue, text, {}});
    advance(kSecond);
    return std::get<ChatStarted>(events.at(0).event).chat;
}

ChatId CoreTest::chat_id(std::size_t n) {
    std::string digits = std::to_string(n);
    return "chat-" + std::string(digits.size() < 4 ? 4 - digits.size() : 0, '0') + digits;
}

// Counted from the log: archived chats leave the State, their ids are not given again.
ChatId CoreTest::next_chat_id() const {
    const auto started = std::count_if(log.begin(), log.end(), [](const EventEnvelope& event) {
        return std::holds_alternative<ChatStarted>(event.event);
    });
    return chat_id(static_cast<std::size_t>(started) + 1);
}

ChatId CoreTest::held_chat(const Actor& agent, QueueId queue, const std::string& customer) {
    const ChatId id = start_chat(customer, queue);
    ok(agent, AcceptChat{id});
    return id;
}

void CoreTest::set_company_filter(bool on) {
    Settings settings = state.settings;
    settings.company_filter = on;
    ok(system, UpdateSettings{settings});
}

}  // namespace parley::core::testing
