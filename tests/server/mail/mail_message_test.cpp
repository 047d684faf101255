// The email as the relay receives it: headers that survive any relay, a base64 body with CRLF
// lines, encoded words split between UTF-8 characters.
#include "server/mail/mail_message.h"

#include <gtest/gtest.h>

namespace parley::server::mail {
namespace {

OutgoingMail sample() {
    OutgoingMail mail;
    mail.from = "Support <support@example.com>";
    mail.to = "ann@example.org";
    mail.subject = "Your chat";
    mail.body = "Hello\nBye";
    mail.message_id = "email-c1-1@example.com";
    mail.at = 1'796'423'400'000;
    return mail;
}

TEST(MailMessage, HeadersThenABase64BodyWithCrlfLines) {
    const std::string text = compose(sample());
    EXPECT_EQ(text.rfind("Date: Fri, 04 Dec 2026 22:30:00 +0000\r\n", 0), 0u) << text;
    EXPECT_NE(text.find("\r\nFrom: Support <support@example.com>\r\n"), std::string::npos);
    EXPECT_NE(text.find("\r\nTo: ann@example.org\r\n"), std::string::npos);
    EXPECT_NE(text.find("\r\nSubject: Your chat\r\n"), std::string::npos);
    EXPECT_NE(text.find("\r\nMessage-ID: <email-c1-1@example.com>\r\n"), std::string::npos);
    EXPECT_NE(text.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
    // base64 of "Hello\r\nBye".
    EXPECT_NE(text.find("\r\n\r\nSGVsbG8NCkJ5ZQ==\r\n"), std::string::npos) << text;
}

TEST(MailMessage, ANonAsciiSubjectBecomesEncodedWordsOfWholeCharacters) {
    OutgoingMail mail = sample();
    mail.subject = std::string(40, 'a') + "ёжик";
    const std::string text = compose(mail);
    const auto start = text.find("Subject: ") + 9;
    const std::string subject = text.substr(start, text.find("\r\nMessage-ID") - start);
    EXPECT_EQ(subject.rfind("=?UTF-8?B?", 0), 0u) << subject;
    // 45 bytes per word: 40 letters and two Cyrillic letters (4 bytes), never half of one.
    EXPECT_NE(subject.find("\r\n =?UTF-8?B?"), std::string::npos) << subject;
    EXPECT_EQ(subject.find("\r\n", subject.find("\r\n") + 1), std::string::npos);
}

TEST(MailMessage, LongBodiesAreWrappedAt76Columns) {
    OutgoingMail mail = sample();
    mail.body = std::string(300, 'x');
    const std::string text = compose(mail);
    const std::string body = text.substr(text.find("\r\n\r\n") + 4);
    std::size_t start = 0;
    while (start < body.size()) {
        const auto end = body.find("\r\n", start);
        ASSERT_NE(end, std::string::npos);
        EXPECT_LE(end - start, 76u);
        start = end + 2;
    }
}

TEST(MailMessage, TheBareAddressOfAMailbox) {
    EXPECT_EQ(address_of("Support <support@example.com>"), "support@example.com");
    EXPECT_EQ(address_of("support@example.com"), "support@example.com");
}

}  // namespace
}  // namespace parley::server::mail
