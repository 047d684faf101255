// A repeated command id changes nothing and reports a duplicate; replay equals live state.
#include "core_fixture.h"

namespace parley::core::testing {
namespace {

class Idempotency : public CoreTest {};

TEST_F(Idempotency, ARepeatedCommandIdChangesNothing) {
    const QueueId q = add_queue("Support");
    const Actor maria = add_agent("maria", {q});
    const ChatId id = start_chat("anna", q);
    const CommandEnvelope accept{"client-42", maria, now, AcceptChat{id}};
    const Decision first = decide(state, accept);
    ASSERT_TRUE(first.accepted());
    parley::core::apply(state, first.events);
    log.insert(log.end(), first.events.begin(), first.events.end());
    const State after = state;
    const Decision again = decide(state, accept);
    EXPECT_TRUE(again.duplicate);
    EXPECT_TRUE(again.accepted());
    EXPECT_TRUE(again.events.empty());
    EXPECT_TRUE(after == state);
}

TEST_F(Idempotency, DuplicateSurvivesReplay) {
    const CommandEnvelope start{
        "start-1", Actor::customer("anna"), now,
        StartChat{Customer{"anna", "Anna", "", ""}, Channel::web, {}, "hi", {}, "chat-0001"}};
    const Decision first = decide(state, start);
    parley::core::apply(state, first.events);
    log.insert(log.end(), first.events.begin(), first.events.end());
    State replayed;
    parley::core::apply(replayed, log);
    EXPECT_TRUE(decide(replayed, start).duplicate);
}

TEST(CommandIdWindow, TheNewestIdsAreRememberedAndTheOldestForgotten) {
    CommandIdSet set;
    set.set_window(3);
    CommandIdSet same;
    same.set_window(3);
    for (int i = 0; i < 10; ++i) {
        EXPECT_TRUE(set.insert("cmd-" + std::to_string(i)));
        EXPECT_FALSE(set.insert("cmd-" + std::to_string(i))) << "a repeat within the window";
        same.insert("cmd-" + std::to_string(i));
        same.insert("cmd-" + std::to_string(i));
    }
    EXPECT_LE(set.size(), 6u) << "never more than twice the window";
    for (int i = 7; i < 10; ++i) {
        EXPECT_TRUE(set.contains("cmd-" + std::to_string(i))) << i;
    }
    EXPECT_FALSE(set.contains("cmd-0"));
    EXPECT_FALSE(set.contains("cmd-3"));
    EXPECT_EQ(set, same) << "the same inserts forget the same ids";
    EXPECT_EQ(set.in_order().back(), "cmd-9");
}

TEST_F(Idempotency, CommandsNeedAnId) {
    const Decision decision = decide(state, CommandEnvelope{"", system, now, Tick{}});
    ASSERT_FALSE(decision.accepted());
    EXPECT_EQ(decision.rejection->code, codes::kInvalidCommandId);
}

TEST_F(Idempotency, ARefusedCommandLeavesNoTraceAndIsDecidedAfresh) {
    const QueueId q = add_queue("Support");
    const Actor maria = add_agent("maria", {});
    const ChatId id = start_chat("anna", q);
    const CommandEnvelope accept{"retry-me", maria, now, AcceptChat{id}};
    EXPECT_EQ(decide(state, accept).rejection->code, codes::kNotQueueMember);
    EXPECT_FALSE(state.processed_commands.contains("retry-me"));
    ok(system, AddQueueMember{q, "maria"});
    EXPECT_TRUE(decide(state, accept).accepted());
}

TEST_F(Idempotency, DecideNeverMutates) {
    const QueueId q = add_queue("Billing", RoutingMode::automatic);
    add_agent("maria", {q});
    const State before = state;
    decide(state,
           CommandEnvelope{"x", Actor::customer("anna"), now,
                           StartChat{Customer{"anna", "A", "", ""}, Channel::web, q, "hi", {}}});
    EXPECT_TRUE(before == state);
}

}  // namespace
}  // namespace parley::core::testing
