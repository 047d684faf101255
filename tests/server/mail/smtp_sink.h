// A real SMTP server for the email tests: Debian's aiosmtpd, started on a free local port,
// storing what it receives in a Maildir the test reads back.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace parley::server::testing {

struct ReceivedMail {
    // Header names in lower case; encoded words decoded, folded lines joined.
    std::map<std::string, std::string> headers;
    // The decoded text, with LF line ends.
    std::string body;
};

class SmtpSink {
public:
    SmtpSink();
    ~SmtpSink();
    SmtpSink(const SmtpSink&) = delete;
    SmtpSink& operator=(const SmtpSink&) = delete;

    std::string url() const;
    // Waits until at least `count` emails have arrived, and returns all of them, oldest first.
    std::vector<ReceivedMail> wait_for(
        std::size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(15));

private:
    std::filesystem::path dir_;
    unsigned short port_ = 0;
    pid_t pid_ = -1;
};

// A local port nothing listens on: a mail relay that is down.
unsigned short closed_port();

}  // namespace parley::server::testing
