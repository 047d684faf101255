// Rules for email to customers: the transcript asked for in the widget, "continue by email",
// and what only the server's mailer may record.
#include "core/email.h"

#include "core/calendar.h"

#include "core_fixture.h"

namespace parley::core::testing {
namespace {

using EmailRules = HeldChatTest;

TEST(EmailAddress, AcceptsOneMailboxAndNothingThatCouldBreakAHeader) {
    EXPECT_TRUE(is_email_address("anna@example.com"));
    EXPECT_TRUE(is_email_address("a.b+tag@mail.example.co.uk"));
    EXPECT_FALSE(is_email_address(""));
    EXPECT_FALSE(is_email_address("anna"));
    EXPECT_FALSE(is_email_address("anna@localhost"));
    EXPECT_FALSE(is_email_address("@example.com"));
    EXPECT_FALSE(is_email_address("anna@@example.com"));
    EXPECT_FALSE(is_email_address("anna@example..com"));
    EXPECT_FALSE(is_email_address("anna@example.com\r\nBcc: x@y.z"));
    EXPECT_FALSE(is_email_address("Anna <anna@example.com>"));
    EXPECT_FALSE(is_email_address(std::string(250, 'a') + "@example.com"));
}

TEST_F(EmailRules, TheCustomerAsksForTheTranscriptAndItIsQueuedWhenTheChatEnds) {
    refused(maria, RequestTranscript{id, "anna@example.com"}, codes::kNotAuthorized);
    refused(Actor::customer("bob"), RequestTranscript{id, "bob@example.com"},
            codes::kNotAuthorized);
    refused(anna, RequestTranscript{id, "not an address"}, codes::kInvalidArgument);
    ok(anna, RequestTranscript{id, "anna@example.com"});
    EXPECT_EQ(chat(id).transcript_to, std::optional<std::string>("anna@example.com"));
    EXPECT_TRUE(chat(id).emails.empty()) << "nothing is sent while the chat goes on";

    ok(maria, PostAgentMessage{id, "Your refund is on its way.", {}});
    const auto events = ok(maria, CloseChat{id, "Refund", "", false});
    const EmailQueued* queued = find_event<EmailQueued>(events);
    ASSERT_NE(queued, nullptr);
    EXPECT_EQ(queued->email.kind, EmailKind::transcript);
    EXPECT_EQ(queued->email.to, "anna@example.com");
    ASSERT_EQ(chat(id).emails.size(), 1u);
    EXPECT_EQ(chat(id).emails[0].status, EmailStatus::queued);
    EXPECT_EQ(chat(id).emails[0].number, 1u);
}

// Issue 16, item 3: after cancelling their own chat a customer sent 30 transcripts with their
// spam to 30 strangers. Now only the address given at the start, and only once.
TEST_F(EmailRules, ACustomerCannotMailStrangersNorMailTwice) {
    const Actor carl = Actor::customer("carl");
    const ChatId waiting = start_chat("carl", support);
    ok(carl, CustomerCancelChat{waiting});
    ASSERT_EQ(chat(waiting).status, ChatStatus::closed);
    refused(carl, RequestTranscript{waiting, "victim@example.net"},
            codes::kTranscriptAddressNotOnRecord);
    EXPECT_TRUE(chat(waiting).emails.empty());
    ok(carl, RequestTranscript{waiting, "carl@example.com"});
    ASSERT_EQ(chat(waiting).emails.size(), 1u);
    refused(carl, RequestTranscript{waiting, "carl@example.com"}, codes::kTranscriptAlreadySent);
    EXPECT_EQ(chat(waiting).emails.size(), 1u);
}

TEST_F(EmailRules, AnIntegrationRelaysAnAddressItHasVerifiedOnce) {
    const Actor bot = Actor::integration("key_bot");
    ok(maria, CloseChat{id, "Refund", "", false});
    ok(bot, RequestTranscript{id, "anna@work.example.org"});
    ASSERT_EQ(chat(id).emails.size(), 1u);
    EXPECT_EQ(chat(id).emails[0].to, "anna@work.example.org");
    refused(bot, RequestTranscript{id, "anna@example.com"}, codes::kTranscriptAlreadySent);
}

TEST_F(EmailRules, AWithdrawnRequestSendsNothing) {
    ok(anna, RequestTranscript{id, "anna@example.com"});
    ok(anna, RequestTranscript{id, ""});
    const auto events = ok(maria, CloseChat{id, "Refund", "", false});
    EXPECT_EQ(find_event<EmailQueued>(events), nullptr);
    refused(anna, RequestTranscript{id, ""}, codes::kChatClosed);
}

TEST_F(EmailRules, AskingAfterTheEndSendsAtOnceAndEveryEndingCounts) {
    ok(maria, AbandonChat{id, "left"});
    const auto events = ok(anna, RequestTranscript{id, "anna@example.com"});
    ASSERT_NE(find_event<EmailQueued>(events), nullptr);

    const ChatId other = start_chat("anna", support);
    ok(anna, RequestTranscript{other, "anna@example.com"});
    ok(anna, CustomerCancelChat{other});
    EXPECT_EQ(chat(other).emails.size(), 1u) << "a chat the customer cancels still sends it";
}

TEST_F(EmailRules, TheTranscriptHoldsWhatTheCustomerSawAndNoNotes) {
    ok(maria, PostAgentMessage{id, "Let me check that.", {}});
    ok(maria, AddNote{id, "VIP, be careful"});
    ok(maria, CloseChat{id, "Refund", "internal remark", false});
    const std::string body = transcript_body(state, chat(id));
    EXPECT_NE(body.find("anna name: Hello"), std::string::npos) << body;
    EXPECT_NE(body.find("maria name: Let me check that."), std::string::npos) << body;
    EXPECT_EQ(body.find("VIP"), std::string::npos);
    EXPECT_EQ(body.find("internal remark"), std::string::npos);
    EXPECT_NE(transcript_subject(state, chat(id)).find(day_of(chat(id).created_at)),
              std::string::npos);
}

TEST_F(EmailRules, TheAgentInTheChatContinuesByEmailAndOthersMayNot) {
    refused(ivan, EmailCustomer{id, "Your refund", "Done."}, codes::kNotAssignee);
    refused(anna, EmailCustomer{id, "Your refund", "Done."}, codes::kNotAuthorized);
    refused(maria, EmailCustomer{id, "", "Done."}, codes::kMissingArgument);
    refused(maria, EmailCustomer{id, "Your refund", ""}, codes::kEmptyMessage);
    refused(maria, EmailCustomer{id, "Line one\r\nBcc: x@y.z", "Done."}, codes::kInvalidArgument);
    refused(maria, EmailCustomer{id, "Your refund", std::string(kMaxEmailBody + 1, 'x')},
            codes::kMessageTooLong);
    const auto events = ok(maria, EmailCustomer{id, "Your refund", "It is done."});
    const EmailQueued* queued = find_event<EmailQueued>(events);
    ASSERT_NE(queued, nullptr);
    EXPECT_EQ(queued->email.kind, EmailKind::message);
    EXPECT_EQ(queued->email.to, "anna@example.com");
    EXPECT_EQ(queued->email.by, "maria");
    EXPECT_EQ(queued->email.body, "It is done.");
}

TEST_F(EmailRules, AfterTheEndTheLastAgentOrASupervisorFollowsUp) {
    ok(maria, CloseChat{id, "Refund", "", false});
    refused(ivan, EmailCustomer{id, "Follow-up", "Any news?"}, codes::kNotAuthorized);
    ok(maria, EmailCustomer{id, "Follow-up", "Any news?"});
    ok(boss, EmailCustomer{id, "Follow-up", "From the supervisor."});
    EXPECT_EQ(chat(id).emails.size(), 2u);
    EXPECT_EQ(chat(id).emails[1].number, 2u);
}

TEST_F(EmailRules, ACustomerWithoutAnEmailAddressCannotBeEmailed) {
    const Customer bob{"bob", "Bob", "+44 20 7946 0000", ""};
    const auto started =
        ok(Actor::customer("bob"), StartChat{bob, Channel::web, support, "Hi", {}});
    const ChatId chat_id = std::get<ChatStarted>(started.at(0).event).chat;
    ok(maria, AcceptChat{chat_id});
    const Rejection rejection =
        refused(maria, EmailCustomer{chat_id, "Hi", "Text"}, codes::kNoCustomerEmail);
    EXPECT_NE(rejection.message.find("no email address"), std::string::npos);
    EXPECT_FALSE(check_action(state, chat_id, maria, ChatAction::email_customer, now).allowed());
    EXPECT_TRUE(check_action(state, id, maria, ChatAction::email_customer, now).allowed());
}

TEST_F(EmailRules, OnlyTheMailerRecordsADeliveryAndOnlyOnce) {
    ok(maria, EmailCustomer{id, "Your refund", "It is done."});
    refused(maria, RecordEmailDelivery{id, 1, EmailStatus::sent, ""}, codes::kNotAuthorized);
    refused(system, RecordEmailDelivery{id, 2, EmailStatus::sent, ""}, codes::kUnknownEmail);
    refused(system, RecordEmailDelivery{id, 1, EmailStatus::queued, ""}, codes::kInvalidArgument);
    ok(system, RecordEmailDelivery{id, 1, EmailStatus::failed, "relay refused: 550"});
    EXPECT_EQ(chat(id).emails[0].status, EmailStatus::failed);
    EXPECT_EQ(chat(id).emails[0].detail, "relay refused: 550");
    EXPECT_EQ(chat(id).emails[0].finished_at, std::optional<Timestamp>(now));
    refused(system, RecordEmailDelivery{id, 1, EmailStatus::sent, ""},
            codes::kEmailAlreadyRecorded);
}

}  // namespace
}  // namespace parley::core::testing
