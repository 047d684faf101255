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

TEST_F(Timers, ClosedChatsLeaveTheLiveStateAfterRetention) {
    ok(maria, CloseChat{id, "Answered", "", false});
    advance(state.settings.retention - 1);
    tick();
    EXPECT_EQ(chat(id).status, ChatStatus::closed);
    advance(1);
    const auto events = ok(system, Tick{});
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events.front().event, Event{ChatArchived{id}});
    EXPECT_EQ(state.find_chat(id), nullptr);
    // Anna had no other chat and no integration's profile: she goes with it.
    EXPECT_FALSE(state.customers.contains("anna"));
    EXPECT_FALSE(state.index.customer_chats.contains("anna"));
    State rebuilt = state;
    rebuild_indexes(rebuilt);
    EXPECT_EQ(rebuilt.index, state.index);
}

TEST_F(Timers, ArchivingVacatesSlotsAndCompactsThemOnceHalfAre) {
    const ChatId boris = start_chat("boris");
    const ChatId carl = start_chat("carl");
    const auto indexes_hold = [&] {
        State rebuilt = state;
        rebuild_indexes(rebuilt);
        EXPECT_EQ(rebuilt.index, state.index);
        EXPECT_TRUE(check_state(state).empty());
    };
    ok(maria, CloseChat{id, "Answered", "", false});
    advance(state.settings.retention);
    tick();
    EXPECT_EQ(state.chats.size(), 3u) << "one slot of three vacated: left until half are";
    EXPECT_EQ(state.index.vacated, 1u);
    ASSERT_NE(state.find_chat(boris), nullptr);
    EXPECT_EQ(state.find_chat(boris)->customer, "boris");
    EXPECT_EQ(search_chats(state, ChatFilter{}), (std::vector<ChatId>{carl, boris}));
    indexes_hold();

    ok(Actor::customer("boris"), CustomerCancelChat{boris});
    advance(state.settings.retention);
    tick();
    EXPECT_EQ(state.chats.size(), 1u) << "two of three vacated: compacted";
    EXPECT_EQ(state.index.vacated, 0u);
    ASSERT_NE(state.find_chat(carl), nullptr);
    EXPECT_EQ(&state.chats.front(), state.find_chat(carl));
    indexes_hold();
}

// What a console shows of an archived chat (its replay, marked archived) takes nothing: not
// even what an ended chat still takes (a rating, a transcript, a follow-up email).
TEST_F(Timers, AnArchivedChatTakesNothing) {
    ok(maria, CloseChat{id, "Answered", "", false});
    State shown = state;
    mark_archived(shown, ChatArchived{id}, now);
    const auto code = [&](const Actor& actor, Command command) {
        const Decision decision = decide(shown, {"probe", actor, now, std::move(command)});
        return decision.rejection ? decision.rejection->code : std::string("accepted");
    };
    EXPECT_EQ(code(anna, SubmitCsat{id, 5, ""}), codes::kChatClosed);
    EXPECT_EQ(code(anna, RequestTranscript{id, "anna@example.com"}), codes::kChatClosed);
    EXPECT_EQ(code(boss, EmailCustomer{id, "Follow-up", "Hello again"}), codes::kChatClosed);
    EXPECT_EQ(code(maria, AddNote{id, "Later"}), codes::kChatClosed);
}

TEST_F(Timers, AChatWithAnOpenTicketStaysUntilTheTicketIsNot) {
    ok(maria, CreateTicket{id, TicketKind::support_case, "Refund", Priority::normal});
    ok(maria, CloseChat{id, "Answered", "", false});
    advance(state.settings.retention + kDay);
    tick();
    ASSERT_NE(state.find_chat(id), nullptr);
    const TicketId ticket = *chat(id).ticket;
    ok(maria, SetTicketStatus{ticket, TicketStatus::resolved, {}});
    tick();
    EXPECT_EQ(state.find_chat(id), nullptr);
    // Its chat archived, the ticket is still found by whoever raised it and by supervisors.
    const Ticket& raised = *state.find_ticket(ticket);
    EXPECT_TRUE(may_see_ticket(state, maria, raised));
    EXPECT_TRUE(may_see_ticket(state, boss, raised));
    EXPECT_FALSE(may_see_ticket(state, ivan, raised));
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
