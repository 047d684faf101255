// Queries: allowed actions with reasons, queue position, search, analytics, visibility.
#include "core_fixture.h"

#include "core/analytics.h"
#include "core/calendar.h"

namespace parley::core::testing {
namespace {

class Queries : public SupportTeamTest {
protected:
    std::optional<Rejection> why_not(ChatId id, const Actor& actor, ChatAction action) {
        return check_action(state, id, actor, action, now).refused;
    }
};

TEST_F(Queries, AllowedActionsForTheAssignee) {
    const ChatId id = held_chat(maria, support, "anna");
    for (ChatAction action :
         {ChatAction::transfer_to_agent, ChatAction::transfer_to_queue, ChatAction::release,
          ChatAction::close, ChatAction::mark_solved, ChatAction::abandon, ChatAction::cancel,
          ChatAction::post_agent_message, ChatAction::add_note, ChatAction::create_ticket,
          ChatAction::request_supervisor}) {
        EXPECT_FALSE(why_not(id, maria, action)) << to_string(action);
    }
    EXPECT_EQ(why_not(id, maria, ChatAction::accept)->code, codes::kAlreadyAssigned);
    EXPECT_EQ(why_not(id, maria, ChatAction::join)->code, codes::kNotAuthorized);
}

TEST_F(Queries, AllowedActionsExplainWhyNot) {
    const ChatId id = held_chat(maria, support, "anna");
    const auto reason = why_not(id, ivan, ChatAction::accept);
    ASSERT_TRUE(reason);
    EXPECT_EQ(reason->message, "Chat chat-0001 is already accepted by maria name.");
    EXPECT_EQ(why_not(id, ivan, ChatAction::close)->code, codes::kNotAssignee);
    // A colleague sees a chat of their queue only while it waits; then it is the holder's.
    EXPECT_TRUE(why_not(id, ivan, ChatAction::add_note));
    const auto checks = allowed_actions(state, id, Actor::customer("anna"), now);
    for (const ActionCheck& check : checks) {
        const bool customer_action = check.action == ChatAction::post_customer_message ||
                                     check.action == ChatAction::customer_cancel;
        EXPECT_EQ(check.allowed(), customer_action) << to_string(check.action);
    }
}

TEST_F(Queries, AllowedActionsOnAQueuedChat) {
    const ChatId id = start_chat("anna", support);
    EXPECT_FALSE(why_not(id, maria, ChatAction::accept));
    EXPECT_EQ(why_not(id, maria, ChatAction::close)->code, codes::kNotAssignee);
    EXPECT_EQ(why_not(id, Actor::customer("anna"), ChatAction::submit_csat)->code,
              codes::kChatNotClosed);
}

TEST_F(Queries, ProbesChangeNothing) {
    const ChatId id = start_chat("anna", support);
    const State before = state;
    allowed_actions(state, id, maria, now);
    EXPECT_TRUE(before == state);
}

TEST_F(Queries, QueuePositionAndEstimatedWait) {
    const ChatId first = start_chat("c1", support);
    const ChatId second = start_chat("c2", support);
    const ChatId third = start_chat("c3", support);
    auto position = queue_position(state, third);
    ASSERT_TRUE(position);
    EXPECT_EQ(position->position, 3u);
    EXPECT_EQ(position->waiting, 3u);
    EXPECT_EQ(position->estimated_wait, 3 * kMinute) << "no history: target wait each";
    advance(kMinute);
    ok(maria, AcceptChat{first});
    position = queue_position(state, second);
    EXPECT_EQ(position->position, 1u);
    EXPECT_EQ(position->estimated_wait, chat(first).accepted_at.value() - chat(first).created_at);
    EXPECT_FALSE(queue_position(state, first));
}

TEST_F(Queries, AQueuesPositionsInOneWalkAreEachChatsPosition) {
    std::vector<ChatId> waiting;
    for (int i = 0; i < 5; ++i) {
        waiting.push_back(start_chat("c" + std::to_string(i), support));
        advance(kSecond);
    }
    ok(maria, AcceptChat{waiting[1]});
    const auto positions = queue_positions(state, support);
    ASSERT_EQ(positions.size(), 4u);
    for (std::size_t i = 0; i < positions.size(); ++i) {
        EXPECT_EQ(positions[i].second.position, i + 1);
        EXPECT_EQ(std::optional(positions[i].second), queue_position(state, positions[i].first));
    }
    EXPECT_EQ(positions.front().first, waiting[0]);
    EXPECT_EQ(positions.back().first, waiting[4]);
}

TEST_F(Queries, SearchByCustomerOperatorContentStatusChannelAndDate) {
    const ChatId a = held_chat(maria, support, "anna");
    ok(maria, PostAgentMessage{a, "Your refund is on its way", {}});
    const Timestamp middle = now;
    const ChatId b = start_chat("bob", support);
    const ChatId tg = next_chat_id();
    ok(system,
       StartChat{Customer{"tg", "Telegram user", "", ""}, Channel::telegram, support, "hi", {}});
    EXPECT_EQ(search_chats(state, {.customer = "ANNA"}), std::vector<ChatId>{a});
    EXPECT_EQ(search_chats(state, {.operator_name = "maria name"}), std::vector<ChatId>{a});
    EXPECT_EQ(search_chats(state, {.content = "refund"}), std::vector<ChatId>{a});
    EXPECT_EQ(search_chats(state, {.status = ChatStatus::queued}), (std::vector<ChatId>{tg, b}));
    EXPECT_EQ(search_chats(state, {.channel = Channel::telegram}), std::vector<ChatId>{tg});
    EXPECT_EQ(search_chats(state, {.to = middle}), std::vector<ChatId>{a});
    EXPECT_EQ(search_chats(state, {.from = middle}), (std::vector<ChatId>{tg, b}));
}

TEST_F(Queries, SearchFindsACustomerByTheirContactToo) {
    const ChatId known = next_chat_id();
    ok(system, StartChat{Customer{"c-olga", "Olga Petrova", "Olga.P@example.com", ""},
                         Channel::web,
                         support,
                         "hello",
                         {}});
    start_chat("bob", support);
    EXPECT_EQ(search_chats(state, {.customer = "olga.p@EXAMPLE"}), std::vector<ChatId>{known});
    EXPECT_EQ(search_chats(state, {.customer = "c-olga"}), std::vector<ChatId>{known});
    EXPECT_TRUE(search_chats(state, {.customer = "nobody@example.com"}).empty());
}

TEST_F(Queries, AnalyticsPerQueueAgentChannelAndDay) {
    const ChatId id = start_chat("anna", support);
    advance(2 * kMinute);
    ok(maria, AcceptChat{id});
    advance(kMinute);
    ok(maria, PostAgentMessage{id, "Hello", {}});
    ok(Actor::customer("anna"), PostCustomerMessage{id, "Thanks", {}});
    advance(30 * kSecond);
    ok(maria, PostAgentMessage{id, "Welcome", {}});
    ok(maria, CloseChat{id, "Answered", "", false});
    ok(Actor::customer("anna"), SubmitCsat{id, 5, ""});
    const ChatId left = start_chat("bob", support);
    ok(Actor::customer("bob"), CustomerCancelChat{left});

    const auto rows = analytics(state, GroupBy::agent, 0, now + 1);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].group, "");
    EXPECT_EQ(rows[0].metrics.abandoned, 1u);
    const Metrics& m = rows[1].metrics;
    EXPECT_EQ(rows[1].group, "maria");
    EXPECT_EQ(m.average_wait(), 2 * kMinute + kSecond);
    EXPECT_EQ(m.average_first_response(), 3 * kMinute + kSecond);
    EXPECT_EQ(m.average_response(), (3 * kMinute + kSecond + 30 * kSecond) / 2);
    EXPECT_EQ(m.messages, 4u);
    EXPECT_DOUBLE_EQ(m.average_csat(), 5.0);
    const auto by_queue = analytics(state, GroupBy::queue, 0, now + 1);
    ASSERT_EQ(by_queue.size(), 1u);
    EXPECT_DOUBLE_EQ(by_queue[0].metrics.abandonment_rate(), 0.5);
    EXPECT_EQ(analytics(state, GroupBy::channel, 0, now + 1)[0].group, "web");
    EXPECT_EQ(analytics(state, GroupBy::day, 0, now + 1)[0].group, "2023-11-14");
    const Metrics total = total_of(rows);
    EXPECT_EQ(total.chats, 2u);
    EXPECT_EQ(total.messages, 5u) << "anna's four and bob's opening line";
    EXPECT_DOUBLE_EQ(total.abandonment_rate(), 0.5);
    EXPECT_EQ(total, by_queue[0].metrics) << "one queue holds every chat";
}

TEST_F(Queries, DayNamesAreUtcCalendarDays) {
    EXPECT_EQ(day_of(0), "1970-01-01");
    EXPECT_EQ(day_of(951'782'400'000), "2000-02-29");
    EXPECT_EQ(day_of(-1), "1969-12-31");
}

TEST_F(Queries, VisibilityCustomersOwnChatsStaffTheirQueues) {
    const QueueId other = add_queue("Other");
    const Actor olga = add_agent("olga", {other});
    const ChatId id = start_chat("anna", support);
    EXPECT_TRUE(may_see_chat(state, Actor::customer("anna"), chat(id)));
    EXPECT_FALSE(may_see_chat(state, Actor::customer("bob"), chat(id)));
    EXPECT_TRUE(may_see_chat(state, maria, chat(id)));
    EXPECT_FALSE(may_see_chat(state, olga, chat(id)));
    EXPECT_TRUE(needs_reply(chat(id)));
}

TEST_F(Queries, CustomersNeverReceiveNotesOrStaffOnlyFields) {
    const ChatId id = held_chat(maria, support, "anna");
    const Actor anna = Actor::customer("anna");
    const auto note = ok(maria, AddNote{id, "Difficult customer"});
    EXPECT_FALSE(view_for(state, anna, note.at(0)));
    EXPECT_TRUE(view_for(state, maria, note.at(0)));
    const auto closed = ok(maria, CloseChat{id, "Refund", "Gave 10% off", false});
    const auto* seen = &closed.back();
    ASSERT_TRUE(std::holds_alternative<ChatClosed>(seen->event));
    const auto view = view_for(state, anna, *seen);
    ASSERT_TRUE(view);
    EXPECT_TRUE(std::get<ChatClosed>(view->event).notes.empty());
    EXPECT_TRUE(std::get<ChatClosed>(view->event).category.empty());
    EXPECT_FALSE(view_for(state, Actor::customer("bob"), *seen));
}

TEST_F(Queries, StaffSeeTheirQueuesChatsAndOwnPersonalResponses) {
    const QueueId other = add_queue("Other");
    const Actor olga = add_agent("olga", {other});
    const auto started =
        ok(Actor::customer("anna"),
           StartChat{Customer{"anna", "Anna", "", ""}, Channel::web, support, "hi", {}});
    EXPECT_TRUE(view_for(state, maria, started.at(0)));
    EXPECT_FALSE(view_for(state, olga, started.at(0)));
    const auto created = ok(maria, CreateCannedResponse{"Hi", "/hi", "Hello", true});
    EXPECT_TRUE(view_for(state, maria, created.at(0)));
    EXPECT_FALSE(view_for(state, olga, created.at(0)));
    EXPECT_EQ(chat_of(state, started.at(0).event), std::optional<ChatId>(chat_id(1)));
}

}  // namespace
}  // namespace parley::core::testing
