// The floor: every figure hand-computed for a small scripted morning.
#include "core_fixture.h"

#include "core/floor.h"

namespace parley::core::testing {
namespace {

class FloorTest : public SupportTeamTest {
protected:
    void SetUp() override {
        SupportTeamTest::SetUp();
        sofia = add_agent("sofia", {}, 3, Role::supervisor);
    }
    static const QueueFloor& row_of(const Floor& floor, QueueId queue) {
        for (const QueueFloor& row : floor.queues) {
            if (row.queue == queue) {
                return row;
            }
        }
        throw std::logic_error("no row for the queue");
    }
    const QueueFloor& support_row(const Floor& floor) const { return row_of(floor, support); }
    Actor sofia;
};

TEST_F(FloorTest, QueuesAgentsAndAlertsAsASupervisorSeesThem) {
    const Timestamp maria_online = kStart;
    const Timestamp ivan_away = now;
    set_presence(ivan, Presence::away);
    const Timestamp anna_since = now;
    const ChatId anna = start_chat("anna", support);  // +1 s
    advance(29 * kSecond);
    start_chat("bob", support);                             // +1 s
    const ChatId carl = held_chat(maria, support, "carl");  // +1 s
    const Timestamp requested = now;
    ok(maria, RequestSupervisor{carl, "Wants a refund"});
    const ChatId dan = start_chat("dan", support);  // +1 s
    ok(Actor::customer("dan"), CustomerCancelChat{dan});
    advance(37 * kSecond);

    const Floor floor = floor_at(state, now);
    const QueueFloor& row = support_row(floor);
    EXPECT_EQ(row.waiting, 2u);
    EXPECT_EQ(row.offered, 0u);
    EXPECT_EQ(row.active, 1u);
    EXPECT_EQ(row.longest_wait, 70 * kSecond);
    EXPECT_EQ(row.beyond_target, 1u) << "anna waited 70 s, bob 40 s; the target is 60 s";
    EXPECT_EQ(row.online, std::vector<AgentId>{"maria"});
    EXPECT_EQ(row.started_today, 4u);
    EXPECT_EQ(row.abandoned_today, 1u);
    EXPECT_DOUBLE_EQ(row.abandonment_today(), 0.25);

    ASSERT_EQ(floor.alerts.size(), 2u);
    EXPECT_EQ(floor.alerts[0].kind, AlertKind::waiting_beyond_target);
    EXPECT_EQ(floor.alerts[0].chat, anna);
    EXPECT_EQ(floor.alerts[0].since, anna_since);
    EXPECT_EQ(floor.alerts[1].kind, AlertKind::supervisor_requested);
    EXPECT_EQ(floor.alerts[1].chat, carl);
    EXPECT_EQ(floor.alerts[1].since, requested);

    ASSERT_EQ(floor.agents.size(), 3u);
    const AgentFloor& ivan_row = floor.agents[0];
    EXPECT_EQ(ivan_row.agent, "ivan");
    EXPECT_EQ(ivan_row.presence, Presence::away);
    EXPECT_EQ(ivan_row.in_presence, now - ivan_away);
    const AgentFloor& maria_row = floor.agents[1];
    EXPECT_EQ(maria_row.load, 1);
    EXPECT_EQ(maria_row.capacity, 3);
    EXPECT_EQ(maria_row.in_presence, now - maria_online);
}

TEST_F(FloorTest, AJoinedSupervisorClearsTheRequestAndAnAnsweredChatStopsWaiting) {
    const ChatId carl = held_chat(maria, support, "carl");
    ok(maria, RequestSupervisor{carl, "Wants a refund"});
    const ChatId anna = start_chat("anna", support);
    advance(2 * kMinute);
    ASSERT_EQ(floor_at(state, now).alerts.size(), 2u);

    ok(sofia, JoinChat{carl});
    ok(ivan, AcceptChat{anna});
    const Floor floor = floor_at(state, now);
    EXPECT_TRUE(floor.alerts.empty());
    EXPECT_EQ(support_row(floor).waiting, 0u);
    EXPECT_EQ(support_row(floor).longest_wait, 0);
    EXPECT_EQ(support_row(floor).active, 2u);
}

TEST_F(FloorTest, ADisabledAgentLeavesTheFloorAndDayBoundariesResetToday) {
    ok(system, SetAgentEnabled{"ivan", false});
    const ChatId gone = start_chat("anna", support);
    ok(Actor::customer("anna"), CustomerCancelChat{gone});
    Floor floor = floor_at(state, now);
    EXPECT_EQ(floor.agents.size(), 2u);
    EXPECT_EQ(support_row(floor).abandoned_today, 1u);

    advance(kDay);
    floor = floor_at(state, now);
    EXPECT_EQ(support_row(floor).started_today, 0u);
    EXPECT_DOUBLE_EQ(support_row(floor).abandonment_today(), 0.0);
}

TEST_F(FloorTest, AnOfferedChatStillWaitsAndATransferredChatCountsInItsNewQueue) {
    const QueueId billing = add_queue("Billing", RoutingMode::offer);
    ok(system, AddQueueMember{billing, "ivan"});
    const Timestamp offered_since = now;
    const ChatId offered = start_chat("anna", billing);
    ASSERT_EQ(chat(offered).status, ChatStatus::offered);
    const ChatId moved = held_chat(maria, support, "bob");
    ok(maria, TransferToQueue{moved, billing, "Billing question"});
    advance(5 * kMinute);

    const Floor floor = floor_at(state, now);
    const QueueFloor& support_figures = support_row(floor);
    EXPECT_EQ(support_figures.started_today, 0u) << "bob's chat is Billing's now";
    EXPECT_EQ(support_figures.active, 0u);
    const QueueFloor& billing_figures = row_of(floor, billing);
    EXPECT_EQ(billing_figures.offered, 2u) << "both offered to Ivan, the only Billing member";
    EXPECT_EQ(billing_figures.started_today, 2u);
    EXPECT_EQ(billing_figures.longest_wait, now - offered_since);
    ASSERT_FALSE(floor.alerts.empty());
    EXPECT_EQ(floor.alerts.front().chat, offered) << "an offer past the target still alerts";
}

TEST_F(FloorTest, ABacklogListsTheOldestAlertsAndCountsTheRest) {
    const ChatId carl = held_chat(maria, support, "carl");
    std::vector<ChatId> waiting;
    for (int n = 0; n < 60; ++n)
        waiting.push_back(start_chat("customer" + std::to_string(n), support));
    ok(maria, RequestSupervisor{carl, "Wants a refund"});
    advance(2 * kMinute);

    const Floor floor = floor_at(state, now);
    EXPECT_EQ(support_row(floor).beyond_target, 60u) << "the count covers every chat";
    ASSERT_EQ(floor.alerts.size(), kFloorAlerts);
    EXPECT_EQ(floor.more_alerts, 11u);
    EXPECT_EQ(floor.alerts.front().chat, waiting.front());
    EXPECT_EQ(floor.alerts.back().kind, AlertKind::supervisor_requested)
        << "the newest alert, listed because a request is never crowded out by waits";
    EXPECT_EQ(floor.alerts[kFloorAlerts - 2].chat, waiting[kFloorAlerts - 2]);
}

}  // namespace
}  // namespace parley::core::testing
