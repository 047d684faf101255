// The webhook service: deriving deliveries from the log, the delivery loop and back-off.
#include "server/webhooks/webhooks.h"

#include <algorithm>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/post.hpp>
#include <future>
#include <variant>

#include "server/base/log.h"
#include "server/webhooks/webhook_signature.h"

namespace parley::server::webhooks {
namespace {

constexpr std::uint64_t kProgressEvery = 1000;

}  // namespace

Webhooks::Webhooks(boost::asio::io_context& io, const std::filesystem::path& file, Clock clock,
                   WebhookOptions options)
    : strand_(boost::asio::make_strand(io)),
      store_(file),
      clock_(std::move(clock)),
      options_(options),
      timer_(strand_) {
    enabled_ = store_.settings().enabled;
}

void Webhooks::start() {
    boost::asio::post(strand_, [this] { pump_guarded(); });
}

void Webhooks::stop() {
    boost::asio::post(strand_, [this] {
        stopped_ = true;
        timer_.cancel();
    });
}

// Runs before the I/O threads, on the thread that recovers the State.
Authority::Catchup Webhooks::catchup(std::uint64_t log_end) {
    std::optional<std::uint64_t> after = store_.derived_through();
    if (!after) {
        store_.set_derived_through(log_end);
        after = log_end;
    }
    derived_seq_ = saved_seq_ = *after;
    return {*after,
            [this](std::uint64_t seq, const core::EventEnvelope& event, const core::State& state) {
                derive(seq, enabled_ ? ticket_payload(event, state) : std::nullopt, event.at);
            }};
}

// Every event is handed over, not only ticket events, so progress moves on while none comes.
Authority::Follower Webhooks::follower() {
    return [this](std::uint64_t seq, const core::EventEnvelope& event, const core::State& state) {
        std::optional<TicketPayload> payload =
            enabled_ ? ticket_payload(event, state) : std::nullopt;
        boost::asio::post(strand_, [this, seq, payload = std::move(payload), at = event.at] {
            derive(seq, payload, at);
            if (payload)
                pump_guarded();
        });
    };
}

void Webhooks::settle() {
    std::promise<void> settled;
    boost::asio::post(strand_, [this, &settled] {
        save_progress();
        settled.set_value();
    });
    settled.get_future().wait();
}

WebhookSettings Webhooks::settings() {
    return store_.settings();
}

std::optional<std::string> Webhooks::configure(const WebhookSettings& settings) {
    if (!settings.url.empty() || settings.enabled) {
        const auto target = parse_target(settings.url);
        if (const auto* problem = std::get_if<std::string>(&target))
            return *problem;
    }
    if (settings.enabled && settings.secret.empty())
        return std::string("Set a signing secret before enabling the webhook.");
    store_.save_settings(settings);
    enabled_ = settings.enabled;
    boost::asio::post(strand_, [this] { pump_guarded(); });
    return std::nullopt;
}

std::vector<Delivery> Webhooks::deliveries(std::optional<std::int64_t> before, std::size_t limit) {
    return store_.list(before, limit);
}

// A delivery that cannot be kept holds the progress back before its event, so the next start
// derives it again (the ones after it, kept meanwhile, are not doubled).
void Webhooks::derive(std::uint64_t seq, const std::optional<TicketPayload>& payload,
                      core::Timestamp at) {
    if (seq <= derived_seq_)
        return;
    derived_seq_ = seq;
    const std::uint64_t progress = savable(seq);
    try {
        if (payload) {
            store_.enqueue(seq, payload->ticket, payload->event, payload->body, at, progress);
            saved_seq_ = progress;
        } else if (progress >= saved_seq_ + kProgressEvery) {
            store_.set_derived_through(progress);
            saved_seq_ = progress;
        }
    } catch (const StoreFailure& failure) {
        if (payload && !underived_)
            underived_ = seq;
        log_error("webhook: could not keep the delivery for event " + std::to_string(seq) +
                  " (it is derived again at the next start): " + failure.error().message);
    }
}

void Webhooks::save_progress() {
    const std::uint64_t progress = savable(derived_seq_);
    if (progress <= saved_seq_)
        return;
    try {
        store_.set_derived_through(progress);
        saved_seq_ = progress;
    } catch (const StoreFailure& failure) {
        log_error("webhook: " + failure.error().message);
    }
}

std::uint64_t Webhooks::savable(std::uint64_t seq) const {
    return underived_ ? std::min(seq, *underived_ - 1) : seq;
}

// The loop runs on the I/O threads: a disk error must end up in the log, not take the server
// down.
void Webhooks::pump_guarded() {
    try {
        pump();
    } catch (const StoreFailure& failure) {
        log_error("webhook: " + failure.error().message);
    }
}

void Webhooks::pump() {
    if (sending_ || stopped_)
        return;
    const std::optional<Delivery> next = store_.next_pending();
    if (!next)
        return;
    const core::Timestamp now = clock_();
    if (next->next_attempt_at > now) {
        timer_.expires_after(std::chrono::milliseconds(next->next_attempt_at - now));
        timer_.async_wait([this](const boost::system::error_code& error) {
            if (!error)
                pump_guarded();
        });
        return;
    }
    const WebhookSettings settings = store_.settings();
    if (!settings.enabled)
        return;
    const auto target = parse_target(settings.url);
    if (const auto* problem = std::get_if<std::string>(&target)) {
        store_.record_attempt(next->id, AttemptResult{std::nullopt, *problem}, now, std::nullopt);
        return pump();
    }
    send(*next, settings, std::get<WebhookTarget>(target));
}

void Webhooks::send(const Delivery& delivery, const WebhookSettings& settings,
                    const WebhookTarget& target) {
    sending_ = true;
    const std::map<std::string, std::string> headers = {
        {"X-Parley-Signature", sign(settings.secret, delivery.payload)},
        {"X-Parley-Delivery", std::to_string(delivery.id)},
        {"X-Parley-Event", delivery.event}};
    post_webhook(strand_, target, headers, delivery.payload, options_.timeout,
                 [this, delivery](AttemptResult result) {
                     sending_ = false;
                     try {
                         finish(delivery, result);
                     } catch (const StoreFailure& failure) {
                         log_error("webhook: " + failure.error().message);
                     }
                     pump_guarded();
                 });
}

void Webhooks::finish(const Delivery& delivery, const AttemptResult& result) {
    const core::Timestamp now = clock_();
    const int attempts = delivery.attempts + 1;
    std::optional<core::Timestamp> retry_at;
    if (!result.succeeded() && attempts < options_.max_attempts)
        retry_at = now + retry_delay(attempts).count();
    if (!result.succeeded() && !retry_at) {
        log_error("webhook: delivery " + std::to_string(delivery.id) + " failed after " +
                  std::to_string(attempts) + " attempts");
    }
    store_.record_attempt(delivery.id, result, now, retry_at);
}

std::chrono::milliseconds Webhooks::retry_delay(int attempts) const {
    std::chrono::milliseconds delay = options_.retry_base;
    for (int i = 1; i < attempts && delay < options_.retry_cap; ++i)
        delay *= 2;
    return std::min(delay, options_.retry_cap);
}

}  // namespace parley::server::webhooks
