// Rules for starting chats, messages, typing, receipts, notes and tags.
#include "core_fixture.h"

namespace parley::core::testing {
namespace {

class ChatLife : public CoreTest {};

TEST_F(ChatLife, WidgetChatStartsQueuedInGeneralWithFirstMessage) {
    const ChatId id = start_chat("anna");
    EXPECT_EQ(chat(id).status, ChatStatus::queued);
    EXPECT_EQ(chat(id).queue, kGeneralQueueId);
    ASSERT_EQ(chat(id).messages.size(), 1u);
    EXPECT_EQ(chat(id).messages[0].author.kind, AuthorKind::customer);
    EXPECT_EQ(state.customers.at("anna").contact, "anna@example.com");
}

TEST_F(ChatLife, BotHandOffKeepsTranscriptIntentAndAttributes) {
    BotContext context{{{"bot", "How can I help?", kStart}, {"customer", "Refund", kStart}},
                       "refund",
                       {{"order", "A-17"}}};
    ok(Actor::integration("bot-1"),
       StartChat{Customer{"c9", "Bo", "@bo", "Acme"}, Channel::telegram, {}, "", context});
    EXPECT_EQ(chat(chat_id(1)).bot_context, context);
    EXPECT_EQ(chat(chat_id(1)).channel, Channel::telegram);
    EXPECT_TRUE(chat(chat_id(1)).messages.empty());
}

TEST_F(ChatLife, AgentCannotStartChat) {
    const Actor maria = add_agent("maria", {});
    refused(maria, StartChat{Customer{"x", "X", "", ""}, Channel::web, {}, "hi", {}},
            codes::kNotAuthorized);
}

TEST_F(ChatLife, CustomerCannotStartChatForSomeoneElse) {
    refused(Actor::customer("anna"),
            StartChat{Customer{"bob", "Bob", "", ""}, Channel::web, {}, "hi", {}},
            codes::kNotAuthorized);
}

TEST_F(ChatLife, StartChatNeedsCustomerAndAnEnabledQueue) {
    refused(system, StartChat{Customer{}, Channel::web, {}, "", {}}, codes::kMissingArgument);
    refused(system, StartChat{Customer{"a", "A", "", ""}, Channel::web, QueueId{9}, "", {}},
            codes::kUnknownQueue);
    const QueueId q = add_queue("Sales");
    ok(system, SetQueueEnabled{q, false});
    refused(system, StartChat{Customer{"a", "A", "", ""}, Channel::web, q, "", {}},
            codes::kQueueDisabled);
}

TEST_F(ChatLife, ChatIdsAreChosenBySubmitterAndMustBeNewAndWellFormed) {
    const Actor anna = Actor::customer("anna");
    const Customer who{"anna", "Anna", "", ""};
    ok(anna, StartChat{who, Channel::web, {}, "hi", {}, "cht_0123abcd"});
    EXPECT_EQ(chat("cht_0123abcd").customer, "anna");
    refused(anna, StartChat{who, Channel::web, {}, "again", {}, "cht_0123abcd"},
            codes::kChatExists);
    refused(anna, StartChat{who, Channel::web, {}, "hi", {}, "has space"}, codes::kInvalidArgument);
    refused(anna, StartChat{who, Channel::web, {}, "hi", {}, std::string(65, 'a')},
            codes::kInvalidArgument);
    EXPECT_EQ(state.chats.size(), 1u);
}

TEST_F(ChatLife, CustomerWritesInOwnChatOnly) {
    const ChatId id = start_chat("anna");
    ok(Actor::customer("anna"), PostCustomerMessage{id, "more", {}});
    refused(Actor::customer("bob"), PostCustomerMessage{id, "hi", {}}, codes::kNotAuthorized);
    refused(Actor::customer("anna"), PostCustomerMessage{"chat-0099", "hi", {}},
            codes::kUnknownChat);
}

TEST_F(ChatLife, MessagesRespectLengthAndAttachmentLimits) {
    const ChatId id = start_chat("anna");
    const Actor anna = Actor::customer("anna");
    refused(anna, PostCustomerMessage{id, "", {}}, codes::kEmptyMessage);
    refused(anna, PostCustomerMessage{id, std::string(4001, 'x'), {}}, codes::kMessageTooLong);
    refused(anna, PostCustomerMessage{id, "", {{"big.png", "image/png", 20'000'000, "r"}}},
            codes::kAttachmentTooLarge);
    refused(anna, PostCustomerMessage{id, "", {{"x.exe", "application/x-msdownload", 10, "r"}}},
            codes::kAttachmentTypeNotAllowed);
    ok(anna, PostCustomerMessage{id, "", {{"shot.png", "image/png", 1000, "r"}}});
}

TEST_F(ChatLife, OnlyTheAssigneeWritesAsStaff) {
    const QueueId q = add_queue("Support");
    const Actor maria = add_agent("maria", {q});
    const Actor ivan = add_agent("ivan", {q});
    const ChatId id = start_chat("anna", q);
    refused(maria, PostAgentMessage{id, "hi", {}}, codes::kNotAssignee);
    ok(maria, AcceptChat{id});
    ok(maria, PostAgentMessage{id, "hi", {}});
    EXPECT_EQ(chat(id).first_responder, std::optional<AgentId>("maria"));
    EXPECT_EQ(chat(id).first_response_at, std::optional(now));
    const Rejection r = refused(ivan, PostAgentMessage{id, "hi", {}}, codes::kNotAssignee);
    EXPECT_EQ(r.message, "Chat chat-0001 is held by maria name, not you.");
    refused(Actor::customer("anna"), PostAgentMessage{id, "hi", {}}, codes::kNotAuthorized);
}

TEST_F(ChatLife, SystemAndBotPostNoticesOthersCannot) {
    const ChatId id = start_chat("anna");
    ok(system, PostSystemMessage{id, "Maintenance tonight"});
    ok(Actor::integration("bot"), PostSystemMessage{id, "I found your order"});
    EXPECT_EQ(chat(id).messages.back().author.kind, AuthorKind::bot);
    refused(Actor::customer("anna"), PostSystemMessage{id, "x"}, codes::kNotAuthorized);
}

TEST_F(ChatLife, MessagesKeepTheirOrderAndIds) {
    const QueueId q = add_queue("Support");
    const Actor maria = add_agent("maria", {q});
    const ChatId id = held_chat(maria, q, "anna");
    for (int i = 0; i < 5; ++i) {
        ok(Actor::customer("anna"), PostCustomerMessage{id, "c" + std::to_string(i), {}});
        ok(maria, PostAgentMessage{id, "a" + std::to_string(i), {}});
    }
    const auto& messages = chat(id).messages;
    ASSERT_EQ(messages.size(), 11u);
    for (std::size_t i = 1; i < messages.size(); ++i)
        EXPECT_LT(messages[i - 1].id, messages[i].id);
    EXPECT_EQ(messages.back().text, "a4");
}

TEST_F(ChatLife, TypingIsForTheCustomerAndTheHolder) {
    const QueueId q = add_queue("Support");
    const Actor maria = add_agent("maria", {q});
    const Actor ivan = add_agent("ivan", {q});
    const ChatId id = held_chat(maria, q, "anna");
    ok(Actor::customer("anna"), SetTyping{id, true});
    EXPECT_TRUE(chat(id).customer_typing);
    ok(maria, SetTyping{id, true});
    EXPECT_TRUE(chat(id).staff_typing);
    refused(ivan, SetTyping{id, true}, codes::kNotAuthorized);
    ok(Actor::customer("anna"), PostCustomerMessage{id, "done typing", {}});
    EXPECT_FALSE(chat(id).customer_typing);
}

TEST_F(ChatLife, ReceiptsMoveTheOtherSidesMessagesToDeliveredThenRead) {
    const QueueId q = add_queue("Support");
    const Actor maria = add_agent("maria", {q});
    const ChatId id = held_chat(maria, q, "anna");
    ok(maria, PostAgentMessage{id, "one", {}});
    ok(maria, PostAgentMessage{id, "two", {}});
    const MessageId two = chat(id).messages.back().id;
    const MessageId one = two - 1;
    ok(Actor::customer("anna"), MarkDelivered{id, one});
    EXPECT_EQ(chat(id).messages[1].state, MessageState::delivered);
    EXPECT_EQ(chat(id).messages[2].state, MessageState::sent);
    ok(Actor::customer("anna"), MarkRead{id, two});
    EXPECT_EQ(chat(id).messages[1].state, MessageState::read);
    EXPECT_EQ(chat(id).messages[2].state, MessageState::read);
    EXPECT_EQ(chat(id).messages[0].state, MessageState::sent) << "own message untouched";
    ok(maria, MarkRead{id, chat(id).messages[0].id});
    EXPECT_EQ(chat(id).messages[0].state, MessageState::read);
    refused(Actor::customer("anna"), MarkRead{id, 999}, codes::kUnknownMessage);
    refused(Actor::customer("bob"), MarkRead{id, two}, codes::kNotAuthorized);
}

TEST_F(ChatLife, InternalNotesStayOutOfTheTranscript) {
    const QueueId q = add_queue("Support");
    const Actor maria = add_agent("maria", {q});
    const ChatId id = held_chat(maria, q, "anna");
    ok(maria, AddNote{id, "VIP customer"});
    ASSERT_EQ(chat(id).notes.size(), 1u);
    EXPECT_EQ(chat(id).notes[0].author, "maria");
    EXPECT_EQ(chat(id).messages.size(), 1u);
    refused(Actor::customer("anna"), AddNote{id, "x"}, codes::kNotAuthorized);
    refused(maria, AddNote{id, ""}, codes::kEmptyMessage);
}

TEST_F(ChatLife, AgentsOutsideTheQueueCannotNoteOrTag) {
    const QueueId q = add_queue("Support");
    const QueueId other = add_queue("Other");
    const Actor maria = add_agent("maria", {q});
    const Actor olga = add_agent("olga", {other});
    const ChatId id = held_chat(maria, q, "anna");
    refused(olga, AddNote{id, "x"}, codes::kNotAuthorized);
    refused(olga, SetChatTags{id, {"vip"}}, codes::kNotAuthorized);
    ok(maria, SetChatTags{id, {"vip", "refund"}});
    EXPECT_EQ(chat(id).tags, (std::vector<std::string>{"vip", "refund"}));
    refused(maria, SetChatTags{id, {""}}, codes::kInvalidArgument);
}

}  // namespace
}  // namespace parley::core::testing
