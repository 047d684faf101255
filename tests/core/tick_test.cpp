// Rules of time: inactivity reminder, auto-close as "customer not responding", archiving by
// retention (offer and transfer time-outs are in routing_test and transfer_test).
#include "core_fixture.h"

namespace parley::core::testing {
namespace {

class Timers : public HeldChatTest {
protected:
    void SetUp() override {
        HeldChatTest::SetUp();
        ok(maria, PostAgentMessage{id, "Could you send the order number?", {}});
    }
};

TEST_F(Timers, OnlyTheSystemTicks) {
    refused(maria, Tick{}, codes::kNotAuthorized);
}

TEST_F(Timers, ReminderAfterTheQueuesReminderDelayOnce) {
    advance(15 * kMinute - 1);
    tick();
    EXPECT_FALSE(chat(id).reminder_sent);
    advance(1);
    tick();
    EXPECT_TRUE(chat(id).reminder_sent);
    EXPECT_EQ(chat(id).messages.back().author.kind, AuthorKind::system);
    const std::size_t count = chat(id).messages.size();
    advance(kMinute);
    tick();
    EXPECT_EQ(chat(id).messages.size(), count);
}

TEST_F(Timers, AutoCloseAsNotRespondingAfterTheAutoCloseDelay) {
    advance(30 * kMinute);
    tick();
    EXPECT_EQ(chat(id).status, ChatStatus::closed);
    EXPECT_EQ(chat(id).resolution->outcome, ResolutionOutcome::not_responding);
    EXPECT_EQ(load(maria), 0);
}

TEST_F(Timers, ACustomerReplyStopsTheClock) {
    advance(20 * kMinute);
    ok(Actor::customer("anna"), PostCustomerMessage{id, "A-17", {}});
    advance(20 * kMinute);
    tick();
    EXPECT_EQ(chat(id).status, ChatStatus::active);
    EXPECT_FALSE(chat(id).reminder_sent);
}

TEST_F(Timers, DelaysComeFromTheChatsQueue) {
    QueueConfig config = state.find_queue(support)->config;
    config.reminder_delay = kMinute;
    config.auto_close_delay = 2 * kMinute;
    ok(system, UpdateQueue{support, config});
    advance(2 * kMinute);
    tick();
    EXPECT_EQ(chat(id).status, ChatStatus::closed);
}

TEST_F(Timers, ClosedChatsArchiveAfterRetentionAndStaySearchable) {
    ok(maria, CloseChat{id, "Answered", "", false});
    advance(30 * kDay - 1);
    tick();
    EXPECT_EQ(chat(id).status, ChatStatus::closed);
    advance(1);
    tick();
    EXPECT_EQ(chat(id).status, ChatStatus::archived);
    EXPECT_EQ(search_chats(state, ChatFilter{.content = "order number"}), std::vector<ChatId>{id});
}

TEST_F(Timers, FreedCapacityFromAutoCloseRoutesWaitingChats) {
    const QueueId billing = add_queue("Billing", RoutingMode::automatic);
    const Actor olga = add_agent("olga", {billing}, 1);
    const ChatId first = start_chat("c1", billing);
    ok(olga, PostAgentMessage{first, "Hello?", {}});
    const ChatId second = start_chat("c2", billing);
    ASSERT_EQ(chat(second).status, ChatStatus::queued);
    advance(30 * kMinute);
    tick();
    EXPECT_EQ(chat(first).status, ChatStatus::closed);
    EXPECT_EQ(chat(second).assignee, std::optional<AgentId>("olga"));
}

}  // namespace
}  // namespace parley::core::testing
