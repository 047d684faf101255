// The service desk webhook's durable state in its own SQLite file beside the event log: the
// settings (URL, signing secret, enabled), the deliveries with their attempts, so pending
// deliveries resume after a restart, and how far into the event log deliveries have been
// derived, so those a crash cut off are derived again at the next start. Each delivery keeps
// the sequence number of its event, which is unique: deriving one twice keeps one. Every function
// is thread-safe (one mutex) and throws StoreFailure when the disk fails. Depends on the store's
// SQLite wrappers only.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.h"
#include "server/store/sqlite_db.h"

namespace parley::server::webhooks {

struct WebhookSettings {
    std::string url;
    std::string secret;
    bool enabled = false;
};

enum class DeliveryStatus { pending, delivered, failed };

struct Delivery {
    std::int64_t id = 0;
    // The ticket event's sequence number in the event log.
    std::uint64_t seq = 0;
    core::TicketId ticket = 0;
    // The event's wire name ("ticket_created", ...), sent as X-Parley-Event.
    std::string event;
    // The exact body POSTed and signed.
    std::string payload;
    core::Timestamp created_at = 0;
    int attempts = 0;
    core::Timestamp next_attempt_at = 0;
    DeliveryStatus status = DeliveryStatus::pending;
    std::optional<int> last_status_code;
    std::optional<std::string> last_error;
    std::optional<core::Timestamp> last_attempt_at;
};

// How one attempt went: the receiver's HTTP status, or why there was none.
struct AttemptResult {
    std::optional<int> status_code;
    std::optional<std::string> error;
    bool succeeded() const { return status_code && *status_code >= 200 && *status_code < 300; }
};

class WebhookStore {
public:
    explicit WebhookStore(const std::filesystem::path& file);

    WebhookSettings settings();
    void save_settings(const WebhookSettings& settings);

    // A new pending delivery for event `seq`, due at once, and the log derived through
    // `derived_through`, in one transaction. False when that event already has its delivery.
    bool enqueue(std::uint64_t seq, core::TicketId ticket, const std::string& event,
                 const std::string& payload, core::Timestamp at, std::uint64_t derived_through);
    // The last event deliveries have been derived from; nothing for a new file.
    std::optional<std::uint64_t> derived_through();
    // Never moves back.
    void set_derived_through(std::uint64_t seq);
    // The pending delivery due first (by next_attempt_at, then id), if any.
    std::optional<Delivery> next_pending();
    // Records one attempt: delivered, failed for good, or pending again at `retry_at`.
    void record_attempt(std::int64_t id, const AttemptResult& result, core::Timestamp at,
                        std::optional<core::Timestamp> retry_at);
    // Newest first: the deliveries with an id below `before` (all when none), at most `limit`.
    std::vector<Delivery> list(std::optional<std::int64_t> before, std::size_t limit);

private:
    std::mutex mutex_;
    sqlite::Connection db_;
};

std::string_view to_string(DeliveryStatus status);

}  // namespace parley::server::webhooks
