// An email as the relay receives it: RFC 5322 headers and a UTF-8 plain-text body, encoded so
// that any text survives any relay (subject as an encoded word, body in base64).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::server::mail {

struct OutgoingMail {
    // "support@example.com" or "Support <support@example.com>".
    std::string from;
    std::string to;
    std::string subject;
    std::string body;
    // Without angle brackets: "email-CHAT-1@example.com".
    std::string message_id;
    // Milliseconds since the epoch, for the Date header.
    std::int64_t at = 0;
};

// The bare address of "Name <address>", or the text itself when it has no angle brackets.
std::string address_of(std::string_view mailbox);

// "Fri, 04 Dec 2026 22:30:05 +0000".
std::string mail_date(std::int64_t at);

std::string compose(const OutgoingMail& mail);

}  // namespace parley::server::mail
