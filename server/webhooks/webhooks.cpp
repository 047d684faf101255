// The webhook service: observer, delivery loop and back-off.
#include "server/webhooks/webhooks.h"

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/post.hpp>
#include <algorithm>
#include <variant>

#include "server/log.h"
#include "server/webhooks/webhook_signature.h"

namespace parley::server::webhooks {

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

Authority::Observer Webhooks::observer() {
    return [this](const core::EventEnvelope& event, const core::State& state) {
        if (!enabled_)
            return;
        std::optional<TicketPayload> payload = ticket_payload(event, state);
        if (!payload)
            return;
        boost::asio::post(strand_, [this, ready = std::move(*payload), at = event.at]() mutable {
            enqueue(std::move(ready), at);
        });
    };
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

std::vector<Delivery> Webhooks::deliveries(std::optional<std::int64_t> before,
                                           std::size_t limit) {
    return store_.list(before, limit);
}

void Webhooks::enqueue(TicketPayload payload, core::Timestamp at) {
    try {
        store_.enqueue(payload.ticket, payload.event, payload.body, at);
    } catch (const StoreFailure& failure) {
        log_error("webhook: could not keep the delivery for ticket " +
                  std::to_string(payload.ticket) + ": " + failure.error().message);
        return;
    }
    pump_guarded();
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
