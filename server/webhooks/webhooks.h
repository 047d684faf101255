// The service desk webhook: an Authority observer turns ticket events into deliveries kept in
// the WebhookStore, and a sender on its own strand POSTs each one, signed (X-Parley-Signature),
// retrying with exponential back-off until the receiver answers 2xx or the attempts run out.
// Pending deliveries resume after a restart. Settings and the delivery log are read and
// written from the REST workers (blocking SQLite), never from the authority's strand.
#pragma once

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "server/engine/authority.h"
#include "server/webhooks/webhook_payload.h"
#include "server/webhooks/webhook_post.h"
#include "server/webhooks/webhook_store.h"

namespace parley::server::webhooks {

struct WebhookOptions {
    // The first retry waits this long; each later one twice as long, up to `retry_cap`.
    std::chrono::milliseconds retry_base{2000};
    std::chrono::milliseconds retry_cap{std::chrono::minutes(10)};
    // After this many failed attempts the delivery is marked failed.
    int max_attempts = 8;
    std::chrono::milliseconds timeout{std::chrono::seconds(10)};
};

class Webhooks {
public:
    // Opens (or creates) the webhook file; throws StoreFailure when it cannot.
    Webhooks(boost::asio::io_context& io, const std::filesystem::path& file, Clock clock,
             WebhookOptions options);

    // Resumes pending deliveries. Call once the I/O threads run.
    void start();
    // No new attempts; what is pending stays pending for the next start.
    void stop();

    Authority::Observer observer();

    // Blocking.
    WebhookSettings settings();
    // Checks the URL (http:// only) and saves; a sentence when refused. Blocking.
    std::optional<std::string> configure(const WebhookSettings& settings);
    std::vector<Delivery> deliveries(std::optional<std::int64_t> before, std::size_t limit);

private:
    void enqueue(TicketPayload payload, core::Timestamp at);
    void pump();
    void pump_guarded();
    void send(const Delivery& delivery, const WebhookSettings& settings,
              const WebhookTarget& target);
    void finish(const Delivery& delivery, const AttemptResult& result);
    std::chrono::milliseconds retry_delay(int attempts) const;

    Strand strand_;
    WebhookStore store_;
    Clock clock_;
    WebhookOptions options_;
    boost::asio::steady_timer timer_;
    // Read on the authority's strand: whether ticket events become deliveries at all.
    std::atomic<bool> enabled_{false};
    bool sending_ = false;
    bool stopped_ = false;
};

}  // namespace parley::server::webhooks
