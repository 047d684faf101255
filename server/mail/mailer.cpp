#include "server/mail/mailer.h"

#include "core/email.h"
#include "server/base/log.h"

namespace parley::server {
namespace {

std::string domain_of(const std::string& from) {
    const std::string address = mail::address_of(from);
    const auto at = address.rfind('@');
    return at == std::string::npos ? "parley.invalid" : address.substr(at + 1);
}

}  // namespace

Mailer::Mailer(Authority& authority, mail::SmtpRelay relay, MailerSettings settings)
    : authority_(authority), relay_(std::move(relay)), settings_(std::move(settings)) {
    thread_ = std::thread([this] { run(); });
}

Mailer::~Mailer() {
    stop();
}

void Mailer::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable())
        thread_.join();
}

Authority::Observer Mailer::observer() {
    return [this](const core::EventEnvelope& event, const core::State& state) {
        const auto* queued = std::get_if<core::EmailQueued>(&event.event);
        if (!queued)
            return;
        const core::Chat* chat = state.find_chat(queued->chat);
        if (chat && queued->email.number >= 1 && queued->email.number <= chat->emails.size())
            enqueue(state, *chat, chat->emails[core::position_of(queued->email.number)]);
    };
}

void Mailer::resume(const core::State& state) {
    for (const core::Chat& chat : state.chats) {
        if (core::vacated(chat)) {
            continue;
        }
        for (const core::Email& email : chat.emails) {
            if (email.status == core::EmailStatus::queued)
                enqueue(state, chat, email);
        }
    }
}

void Mailer::enqueue(const core::State& state, const core::Chat& chat, const core::Email& email) {
    Job job;
    job.chat = chat.id;
    job.number = email.number;
    job.mail.from = settings_.from;
    job.mail.to = email.to;
    job.mail.subject = email.subject;
    job.mail.body =
        email.kind == core::EmailKind::transcript ? core::transcript_body(state, chat) : email.body;
    job.mail.message_id =
        "email-" + chat.id + "-" + std::to_string(email.number) + "@" + domain_of(settings_.from);
    job.mail.at = email.queued_at;
    {
        std::lock_guard lock(mutex_);
        jobs_.push_back(std::move(job));
    }
    wake_.notify_one();
}

void Mailer::run() {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
            if (stopping_)
                return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        const std::optional<std::string> failure = deliver(job);
        {
            std::lock_guard lock(mutex_);
            // Interrupted between tries: the email stays queued and is sent after a restart.
            if (stopping_ && failure)
                return;
        }
        record(job, failure);
    }
}

std::optional<std::string> Mailer::deliver(const Job& job) {
    std::chrono::milliseconds wait = settings_.first_retry;
    for (unsigned attempt = 1;; ++attempt) {
        std::optional<std::string> failure = relay_.send(job.mail);
        if (!failure || attempt >= settings_.attempts)
            return failure;
        log_warning("email " + std::to_string(job.number) + " of chat " + job.chat + ", try " +
                    std::to_string(attempt) + ": " + *failure);
        std::unique_lock lock(mutex_);
        if (wake_.wait_for(lock, wait, [this] { return stopping_; }))
            return failure;
        wait *= 2;
    }
}

void Mailer::record(const Job& job, const std::optional<std::string>& failure) {
    core::RecordEmailDelivery delivery;
    delivery.chat = job.chat;
    delivery.email = job.number;
    delivery.status = failure ? core::EmailStatus::failed : core::EmailStatus::sent;
    delivery.detail = failure ? *failure : "Accepted by the mail relay.";
    if (failure)
        log_warning("email " + std::to_string(job.number) + " of chat " + job.chat + ": " +
                    *failure);
    authority_.submit("email-delivery-" + job.chat + "-" + std::to_string(job.number),
                      core::Actor::system(), std::move(delivery), [](const Outcome&) {});
}

}  // namespace parley::server
