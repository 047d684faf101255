// The service desk webhook: an Authority follower turns committed ticket events into deliveries
// kept in the WebhookStore, and a sender on its own strand POSTs each one, signed
// (X-Parley-Signature), retrying with exponential back-off until the receiver answers 2xx or
// the attempts run out. Deliveries are derived from the event log: the store remembers how far,
// and start-up derives again from there (Catchup), so a crash between an event's commit and its
// delivery's loses none. Pending deliveries resume after a restart. Settings and the delivery log
// are read and written from the REST workers (blocking SQLite), never from the authority's strand.
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

    // For Authority::recover: derives the deliveries of the events after the last one derived.
    // A new file starts at `log_end`: events from before it existed are not sent.
    Authority::Catchup catchup(std::uint64_t log_end);
    Authority::Follower follower();
    // Blocks until what the follower has handed over is derived and the progress saved (an
    // orderly stop, once the authority has settled).
    void settle();

    // Blocking.
    WebhookSettings settings();
    // Checks the URL (http:// only) and saves; a sentence when refused. Blocking.
    std::optional<std::string> configure(const WebhookSettings& settings);
    std::vector<Delivery> deliveries(std::optional<std::int64_t> before, std::size_t limit);

private:
    void derive(std::uint64_t seq, const std::optional<TicketPayload>& payload, core::Timestamp at);
    void save_progress();
    // How far the progress may be saved: short of the first event that could not be derived.
    std::uint64_t savable(std::uint64_t seq) const;
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
    // The last event derived, and the last one the store has been told of: progress is saved
    // with each delivery and every kProgressEvery events, so a catch-up replays few.
    std::uint64_t derived_seq_ = 0;
    std::uint64_t saved_seq_ = 0;
    std::optional<std::uint64_t> underived_;
    bool sending_ = false;
    bool stopped_ = false;
};

}  // namespace parley::server::webhooks
