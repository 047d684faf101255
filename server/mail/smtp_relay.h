// Hands one composed email to the configured SMTP relay through libcurl. Blocking: call it
// from the mailer's own thread, never from an I/O thread.
#pragma once

#include <optional>
#include <string>

#include "server/mail/mail_message.h"

namespace parley::server::mail {

struct RelaySettings {
    // "smtp://host:port" or "smtps://host:port".
    std::string url;
    std::string user;
    std::string password;
    long timeout_seconds = 30;
};

class SmtpRelay {
public:
    explicit SmtpRelay(RelaySettings settings);
    // Nothing when the relay accepted the email, else why not, in a sentence.
    std::optional<std::string> send(const OutgoingMail& mail) const;

private:
    RelaySettings settings_;
};

}  // namespace parley::server::mail
