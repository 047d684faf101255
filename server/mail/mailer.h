// Sends the emails the core queues (a transcript at the end of a chat, "continue by email")
// and records each outcome back into the chat as the system. Sending blocks on the relay, so
// it runs on the mailer's own thread; the authority's strand only hands it finished jobs.
// An email queued before a restart and never recorded is sent when the server starts again;
// the delivery's command id is fixed per email, so recording it twice changes nothing.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "server/engine/authority.h"
#include "server/mail/smtp_relay.h"

namespace parley::server {

struct MailerSettings {
    // The From header: "support@example.com" or "Support <support@example.com>".
    std::string from;
    unsigned attempts = 3;
    // Waits between tries double from this.
    std::chrono::milliseconds first_retry{2000};
};

class Mailer {
public:
    Mailer(Authority& authority, mail::SmtpRelay relay, MailerSettings settings);
    ~Mailer();
    Mailer(const Mailer&) = delete;
    Mailer& operator=(const Mailer&) = delete;

    Authority::Observer observer();
    // Queues every email of `state` that has no outcome yet.
    void resume(const core::State& state);
    // Finishes the email in hand (or gives up waiting to retry it) and stops.
    void stop();

private:
    struct Job {
        core::ChatId chat;
        std::uint64_t number = 0;
        mail::OutgoingMail mail;
    };

    void enqueue(const core::State& state, const core::Chat& chat, const core::Email& email);
    void run();
    std::optional<std::string> deliver(const Job& job);
    void record(const Job& job, const std::optional<std::string>& failure);

    Authority& authority_;
    mail::SmtpRelay relay_;
    MailerSettings settings_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> jobs_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace parley::server
