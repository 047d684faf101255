// Email to customers through a real SMTP server (aiosmtpd): the transcript a customer asked for
// arrives when the chat ends, "continue by email" arrives and is in the chat's history, and a
// relay that is down is recorded as a failure with its reason.
#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "rest/rest_test_support.h"
#include "smtp_sink.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

class EmailDelivery : public ::testing::Test {
protected:
    explicit EmailDelivery(std::string relay = {})
        : server([this, relay](ServerConfig& config) {
              config.smtp_url = relay.empty() ? sink.url() : relay;
              config.smtp_from = "Parley Support <support@example.com>";
              config.smtp_attempts = 1;
          }) {}

    void run(const std::string& token, const json& command) {
        const HttpResult done = send_command(server.port(), token, command);
        ASSERT_EQ(done.status, 200) << command.dump() << ": " << done.body;
    }

    // Ann asks, Maria accepts and answers.
    StartedChat answered_chat() {
        run(maria, {{"type", "set_presence"}, {"agent", "maria"}, {"presence", "online"}});
        const StartedChat chat = start_chat(server.port(), "Ann Lee", "Where is my invoice?");
        run(maria, {{"type", "accept_chat"}, {"chat", chat.chat}});
        run(maria, {{"type", "post_agent_message"},
                    {"chat", chat.chat},
                    {"text", "It is in your account, under Billing."},
                    {"attachments", json::array()}});
        run(maria, {{"type", "add_note"}, {"chat", chat.chat}, {"text", "VIP customer"}});
        return chat;
    }

    // The chat's emails as the server holds them, once none is still queued.
    std::vector<core::Email> settled_emails(const std::string& chat) {
        for (int i = 0; i < 300; ++i) {
            std::promise<std::vector<core::Email>> read;
            server.server().services().authority.read([&](const core::State& state, std::uint64_t) {
                const core::Chat* found = state.find_chat(chat);
                read.set_value(found ? found->emails : std::vector<core::Email>{});
            });
            const auto emails = read.get_future().get();
            const bool settled = std::none_of(emails.begin(), emails.end(), [](const auto& email) {
                return email.status == core::EmailStatus::queued;
            });
            if (!emails.empty() && settled)
                return emails;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        ADD_FAILURE() << "the emails of " << chat << " never settled";
        return {};
    }

    SmtpSink sink;
    TestServer server;
    std::string maria = demo_staff(server.port(), "maria");
};

TEST_F(EmailDelivery, TheTranscriptTheCustomerAskedForArrivesWhenTheChatEnds) {
    const StartedChat chat = answered_chat();
    run(chat.token,
        {{"type", "request_transcript"}, {"chat", chat.chat}, {"address", "Ann.Lee@example.com"}});
    EXPECT_TRUE(sink.wait_for(1, std::chrono::milliseconds(300)).empty())
        << "nothing is sent while the chat goes on";
    run(maria, {{"type", "close_chat"},
                {"chat", chat.chat},
                {"category", "Billing"},
                {"notes", "explained the invoice"},
                {"resolve_ticket", false}});

    const auto mails = sink.wait_for(1);
    ASSERT_EQ(mails.size(), 1u);
    const ReceivedMail& mail = mails[0];
    EXPECT_EQ(mail.headers.at("to"), "Ann.Lee@example.com");
    EXPECT_EQ(mail.headers.at("from"), "Parley Support <support@example.com>");
    EXPECT_EQ(mail.headers.at("x-mailfrom"), "support@example.com");
    EXPECT_NE(mail.headers.at("subject").find("Your chat with us"), std::string::npos);
    EXPECT_NE(mail.headers.at("message-id").find("@example.com>"), std::string::npos);
    EXPECT_NE(mail.body.find("Hello Ann Lee,"), std::string::npos) << mail.body;
    EXPECT_NE(mail.body.find("Ann Lee: Where is my invoice?"), std::string::npos) << mail.body;
    EXPECT_NE(mail.body.find("Maria Garcia: It is in your account, under Billing."),
              std::string::npos)
        << mail.body;
    EXPECT_EQ(mail.body.find("VIP customer"), std::string::npos) << "notes stay inside";
    EXPECT_EQ(mail.body.find("explained the invoice"), std::string::npos);

    const auto emails = settled_emails(chat.chat);
    ASSERT_EQ(emails.size(), 1u);
    EXPECT_EQ(emails[0].kind, core::EmailKind::transcript);
    EXPECT_EQ(emails[0].status, core::EmailStatus::sent);
}

TEST_F(EmailDelivery, ContinueByEmailArrivesAndIsInTheChatsHistory) {
    const StartedChat chat = answered_chat();
    run(maria,
        {{"type", "email_customer"},
         {"chat", chat.chat},
         {"subject", "Ваш счёт — invoice 2041"},
         {"body", "Здравствуйте, Ann!\nThe corrected invoice is attached to your account."}});
    const auto mails = sink.wait_for(1);
    ASSERT_EQ(mails.size(), 1u);
    EXPECT_EQ(mails[0].headers.at("to"), "Ann.Lee@example.com");
    EXPECT_EQ(mails[0].headers.at("subject"), "Ваш счёт — invoice 2041");
    EXPECT_EQ(mails[0].body,
              "Здравствуйте, Ann!\nThe corrected invoice is attached to your account.");

    ASSERT_EQ(settled_emails(chat.chat).at(0).status, core::EmailStatus::sent);
    const HttpResult history = api(server.port(), Verb::get, chat_path(chat.chat, "/history"),
                                   nullptr, demo_staff(server.port(), "sofia"));
    ASSERT_EQ(history.status, 200) << history.body;
    std::vector<std::string> types;
    for (const json& entry : history.json["events"])
        types.push_back(entry["event"]["type"]);
    EXPECT_EQ(types.at(types.size() - 2), "email_queued");
    EXPECT_EQ(types.back(), "email_delivered");
    EXPECT_EQ(history.json["events"].back()["event"]["status"], "sent");
    EXPECT_EQ(history.json["events"][types.size() - 2]["event"]["actor"]["id"], "maria");
}

TEST_F(EmailDelivery, AnotherAgentMayNotEmailTheCustomer) {
    const StartedChat chat = answered_chat();
    const HttpResult refused = send_command(
        server.port(), demo_staff(server.port(), "ivan"),
        {{"type", "email_customer"}, {"chat", chat.chat}, {"subject", "Hi"}, {"body", "Text"}});
    EXPECT_EQ(refused.status, 403) << refused.body;
    EXPECT_EQ(refused.json.value("code", ""), "not_assignee") << refused.body;
    EXPECT_TRUE(sink.wait_for(1, std::chrono::milliseconds(300)).empty());
}

class EmailRelayDown : public EmailDelivery {
protected:
    EmailRelayDown() : EmailDelivery("smtp://127.0.0.1:" + std::to_string(closed_port())) {}
};

TEST_F(EmailRelayDown, TheFailureIsRecordedWithItsReason) {
    const StartedChat chat = answered_chat();
    run(maria, {{"type", "email_customer"},
                {"chat", chat.chat},
                {"subject", "Your invoice"},
                {"body", "See your account."}});
    const auto emails = settled_emails(chat.chat);
    ASSERT_EQ(emails.size(), 1u);
    EXPECT_EQ(emails[0].status, core::EmailStatus::failed);
    EXPECT_NE(emails[0].detail.find("The mail relay did not take the email"), std::string::npos)
        << emails[0].detail;
}

}  // namespace
}  // namespace parley::server::testing
