// The customer's view of their own chat (customer_view.h), on chats driven by real commands:
// the status they see, the notices and where they sit, and each permission matching what
// decide() then does with the command.
#include "core_fixture.h"

#include <ostream>

#include "core/customer_view.h"

namespace parley::core {

// Failures name the notice rather than dump its bytes.
void PrintTo(const CustomerNotice& notice, std::ostream* out) {
    *out << to_string(notice.kind) << " before " << notice.before << " '" << notice.agent << "' '"
         << notice.queue << "'";
}

}  // namespace parley::core

namespace parley::core::testing {
namespace {

class CustomerView : public SupportTeamTest {
protected:
    CustomerChatView view(ChatId chat) const {
        return customer_view(state, anna, this->chat(chat));
    }

    Actor anna = Actor::customer("anna");
};

TEST_F(CustomerView, AWaitingChatMayBeWrittenInAndEndedButNotRated) {
    const ChatId id = start_chat("anna", support);
    const CustomerChatView seen = view(id);
    EXPECT_EQ(seen.chat, id);
    EXPECT_EQ(seen.status, CustomerChatStatus::waiting);
    EXPECT_TRUE(seen.waiting);
    EXPECT_FALSE(seen.ended);
    EXPECT_EQ(seen.agent, "");
    ASSERT_EQ(seen.messages.size(), 1u);
    EXPECT_EQ(seen.messages[0].text, "Hello");
    EXPECT_TRUE(seen.notices.empty());
    EXPECT_TRUE(seen.actions.write.allowed);
    EXPECT_TRUE(seen.actions.attach.allowed);
    EXPECT_TRUE(seen.actions.end_chat.allowed);
    EXPECT_TRUE(seen.actions.download_transcript.allowed);
    EXPECT_TRUE(seen.actions.email_transcript.allowed);
    EXPECT_EQ(seen.actions.rate,
              (Permission{false, "chat_not_closed", "Chat " + id + " is still open."}));
}

TEST_F(CustomerView, AnOfferIsStillWaitingToTheCustomer) {
    set_mode(support, RoutingMode::offer);
    const ChatId id = start_chat("anna", support);
    ASSERT_EQ(chat(id).status, ChatStatus::offered);
    EXPECT_EQ(view(id).status, CustomerChatStatus::waiting);
    EXPECT_EQ(view(id).agent, "");
}

TEST_F(CustomerView, HandOversAreNoticesBetweenTheMessagesTheyCameAfter) {
    const ChatId id = start_chat("anna", support);
    ok(maria, AcceptChat{id});
    ok(maria, PostAgentMessage{id, "Hi, Maria here.", {}});
    ok(maria, SetTyping{id, true});
    CustomerChatView seen = view(id);
    EXPECT_EQ(seen.status, CustomerChatStatus::with_agent);
    EXPECT_EQ(seen.agent, "maria name");
    EXPECT_TRUE(seen.agent_typing);
    EXPECT_FALSE(seen.waiting);
    // Hello (0), then Maria joined, then her message (1).
    ASSERT_EQ(seen.notices.size(), 1u);
    EXPECT_EQ(seen.notices[0], (CustomerNotice{CustomerNoticeKind::agent_joined, 1, "maria name"}));
    EXPECT_EQ(seen.messages[1].author, (Author{AuthorKind::agent, "maria name"}));

    ok(maria, TransferToAgent{id, "ivan", "VIP, be kind"});
    seen = view(id);
    EXPECT_EQ(seen.status, CustomerChatStatus::transferring);
    EXPECT_EQ(seen.agent, "");
    ok(ivan, DeclineTransfer{id, "busy"});
    ok(maria, AcceptChat{id});
    ok(maria, ReleaseChat{id});
    seen = view(id);
    EXPECT_EQ(seen.status, CustomerChatStatus::waiting);
    // The release's own message ("Your agent has passed the chat on ...") comes before it.
    const std::vector<CustomerNotice> expected = {
        {CustomerNoticeKind::agent_joined, 1, "maria name"},
        {CustomerNoticeKind::transferring, 2},
        {CustomerNoticeKind::back_in_queue, 2},
        {CustomerNoticeKind::agent_joined, 2, "maria name"},
        {CustomerNoticeKind::released, 3, "maria name"},
    };
    EXPECT_EQ(seen.notices, expected);
}

TEST_F(CustomerView, AnUpdateCarriesOnlyTheMessagesFromTheIndexAskedFor) {
    const ChatId id = held_chat(maria, support, "anna");
    ok(maria, PostAgentMessage{id, "Hi", {}});
    ok(anna, PostCustomerMessage{id, "Order 118", {}});
    const CustomerChatView update = customer_view(state, anna, chat(id), 1);
    ASSERT_EQ(update.messages.size(), 2u);
    EXPECT_EQ(update.messages[0].text, "Hi");
    EXPECT_EQ(update.messages[0].author, (Author{AuthorKind::agent, "maria name"}));
    EXPECT_EQ(update.messages[1].author, (Author{AuthorKind::customer, "anna"}));
    EXPECT_EQ(update.notices, view(id).notices) << "notices always come whole";
    EXPECT_TRUE(customer_view(state, anna, chat(id), 3).messages.empty());
}

TEST_F(CustomerView, AMoveToAnotherQueueNamesTheQueue) {
    const QueueId billing = add_queue("Billing");
    const ChatId id = held_chat(maria, support, "anna");
    ok(maria, TransferToQueue{id, billing, "invoice question"});
    const CustomerChatView seen = view(id);
    EXPECT_EQ(seen.status, CustomerChatStatus::waiting);
    // Hello, "You are being transferred to Billing.", then the move.
    ASSERT_EQ(seen.notices.size(), 2u);
    EXPECT_EQ(seen.notices[1],
              (CustomerNotice{CustomerNoticeKind::moved_to_queue, 2, {}, "Billing"}));
}

TEST_F(CustomerView, AfterTheCloseTheCustomerMayRateButNotWrite) {
    const ChatId id = held_chat(maria, support, "anna");
    ok(maria, SetTyping{id, true});
    ok(maria, CloseChat{id, "Answered", "internal", false});
    CustomerChatView seen = view(id);
    EXPECT_EQ(seen.status, CustomerChatStatus::ended);
    EXPECT_TRUE(seen.ended);
    EXPECT_FALSE(seen.agent_typing);
    // Hello, the close's message, then the closed notice at the end.
    ASSERT_EQ(seen.messages.size(), 2u);
    EXPECT_EQ(seen.notices.back(), (CustomerNotice{CustomerNoticeKind::closed, 2}));
    const Permission closed{false, "chat_closed", "Chat " + id + " is already closed."};
    EXPECT_EQ(seen.actions.write, closed);
    EXPECT_EQ(seen.actions.attach, closed);
    EXPECT_EQ(seen.actions.end_chat, closed);
    EXPECT_TRUE(seen.actions.rate.allowed);
    EXPECT_TRUE(seen.actions.download_transcript.allowed);

    // What the view says is what decide() does.
    refused(anna, PostCustomerMessage{id, "One more thing", {}}, codes::kChatClosed);
    ok(anna, SubmitCsat{id, 4, "Quick"});
    seen = view(id);
    EXPECT_EQ(seen.csat->score, 4);
    EXPECT_EQ(seen.actions.rate.code, "csat_already_submitted");
}

TEST_F(CustomerView, EndingAWaitingChatLeavesNothingToRate) {
    const ChatId id = start_chat("anna", support);
    ok(anna, CustomerCancelChat{id});
    const CustomerChatView seen = view(id);
    EXPECT_TRUE(seen.ended);
    EXPECT_EQ(seen.notices,
              (std::vector<CustomerNotice>{{CustomerNoticeKind::closed_cancelled, 1}}));
    EXPECT_EQ(seen.actions.rate.code, "nothing_to_rate");
    refused(anna, SubmitCsat{id, 5, ""}, codes::kNothingToRate);
}

TEST_F(CustomerView, EndingAHeldChatStopsTheCustomersWritingButNotTheChat) {
    const ChatId id = held_chat(maria, support, "anna");
    ok(anna, CustomerCancelChat{id});
    const CustomerChatView seen = view(id);
    EXPECT_EQ(seen.status, CustomerChatStatus::with_agent);
    EXPECT_FALSE(seen.ended);
    // Hello, "End user has cancelled chat.", then the notice.
    EXPECT_EQ(seen.notices.back(), (CustomerNotice{CustomerNoticeKind::you_cancelled, 2}));
    EXPECT_EQ(seen.actions.write.code, "already_cancelled");
    EXPECT_EQ(seen.actions.end_chat.code, "already_cancelled");
    refused(anna, PostCustomerMessage{id, "Wait", {}}, codes::kAlreadyCancelled);
}

TEST_F(CustomerView, TheWritingLimitClosesTheComposerBeforeTheMessageIsRefused) {
    Settings settings = state.settings;
    settings.customer_messages_per_chat = 2;
    ok(system, UpdateSettings{settings});
    const ChatId id = start_chat("anna", support);
    EXPECT_TRUE(view(id).actions.write.allowed);
    ok(anna, PostCustomerMessage{id, "Second", {}});
    EXPECT_EQ(view(id).actions.write.code, "chat_writing_limit");
    EXPECT_EQ(view(id).actions.attach.code, "chat_writing_limit");
}

TEST_F(CustomerView, NoFileTypeAllowedMeansNoAttaching) {
    Settings settings = state.settings;
    settings.allowed_attachment_types.clear();
    ok(system, UpdateSettings{settings});
    const ChatId id = start_chat("anna", support);
    EXPECT_TRUE(view(id).actions.write.allowed);
    EXPECT_EQ(view(id).actions.attach.code, "attachment_type_not_allowed");
}

TEST_F(CustomerView, TheTranscriptGoesByEmailOnce) {
    const ChatId id = held_chat(maria, support, "anna");
    ok(anna, RequestTranscript{id, "anna@example.com"});
    ok(maria, CloseChat{id, "Answered", "", false});
    EXPECT_EQ(view(id).actions.email_transcript.code, "transcript_already_sent");
}

TEST_F(CustomerView, ACustomerHasAViewOfEachOfTheirChatsOnly) {
    const ChatId first = start_chat("anna", support);
    start_chat("bob", support);
    const ChatId second = start_chat("anna", support);
    const std::vector<CustomerChatView> views = customer_views(state, anna);
    ASSERT_EQ(views.size(), 2u);
    EXPECT_EQ(views[0].chat, first);
    EXPECT_EQ(views[1].chat, second);
    EXPECT_TRUE(customer_views(state, maria).empty());
}

}  // namespace
}  // namespace parley::core::testing
