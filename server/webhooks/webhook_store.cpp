// The webhook's SQLite file: settings and deliveries.
#include "server/webhooks/webhook_store.h"

namespace parley::server::webhooks {
namespace {

constexpr std::string_view kSchema = R"sql(
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = NORMAL;
    PRAGMA busy_timeout = 5000;
    CREATE TABLE IF NOT EXISTS webhook_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        url TEXT NOT NULL,
        secret TEXT NOT NULL,
        enabled INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS webhook_deliveries (
        id INTEGER PRIMARY KEY,
        ticket INTEGER NOT NULL,
        event TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL,
        next_attempt_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        last_status_code INTEGER,
        last_error TEXT,
        last_attempt_at INTEGER
    );
    CREATE INDEX IF NOT EXISTS webhook_deliveries_due
        ON webhook_deliveries (status, next_attempt_at, id);
    CREATE TABLE IF NOT EXISTS webhook_progress (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        derived_through INTEGER NOT NULL
    );
)sql";

// Files from before deliveries were derived from the log have no seq column; their rows keep
// NULL, which the unique index allows any number of.
void add_seq_column(sqlite::Connection& db) {
    sqlite::Query column(db,
                         "SELECT 1 FROM pragma_table_info('webhook_deliveries') "
                         "WHERE name = 'seq'");
    if (!column.next_row()) {
        db.exec("ALTER TABLE webhook_deliveries ADD COLUMN seq INTEGER");
    }
    db.exec(
        "CREATE UNIQUE INDEX IF NOT EXISTS webhook_deliveries_by_seq "
        "ON webhook_deliveries (seq)");
}

void raise_progress(sqlite::Connection& db, std::uint64_t seq) {
    sqlite::Query(db,
                  "INSERT INTO webhook_progress (id, derived_through) VALUES (1, ?1) "
                  "ON CONFLICT (id) DO UPDATE SET derived_through = "
                  "max(derived_through, excluded.derived_through)")
        .bind_uint(1, seq)
        .run();
}

constexpr std::string_view kColumns =
    "id, coalesce(seq, 0), ticket, event, payload, created_at, attempts, next_attempt_at, status, "
    "last_status_code, last_error, last_attempt_at";

DeliveryStatus status_named(const std::string& name) {
    if (name == "delivered")
        return DeliveryStatus::delivered;
    if (name == "failed")
        return DeliveryStatus::failed;
    return DeliveryStatus::pending;
}

Delivery read_delivery(const sqlite::Query& row) {
    Delivery delivery;
    delivery.id = row.int_at(0);
    delivery.seq = row.uint_at(1);
    delivery.ticket = row.uint_at(2);
    delivery.event = row.text_at(3);
    delivery.payload = row.text_at(4);
    delivery.created_at = row.int_at(5);
    delivery.attempts = static_cast<int>(row.int_at(6));
    delivery.next_attempt_at = row.int_at(7);
    delivery.status = status_named(row.text_at(8));
    if (const auto code = row.optional_uint_at(9))
        delivery.last_status_code = static_cast<int>(*code);
    delivery.last_error = row.optional_text_at(10);
    if (const auto at = row.optional_uint_at(11))
        delivery.last_attempt_at = static_cast<core::Timestamp>(*at);
    return delivery;
}

}  // namespace

std::string_view to_string(DeliveryStatus status) {
    switch (status) {
    case DeliveryStatus::pending:
        return "pending";
    case DeliveryStatus::delivered:
        return "delivered";
    case DeliveryStatus::failed:
        return "failed";
    }
    return "pending";
}

WebhookStore::WebhookStore(const std::filesystem::path& file)
    : db_(sqlite::Connection::open(file, sqlite::Connection::Mode::create)) {
    db_.exec(kSchema);
    add_seq_column(db_);
}

WebhookSettings WebhookStore::settings() {
    std::lock_guard lock(mutex_);
    sqlite::Query query(db_, "SELECT url, secret, enabled FROM webhook_settings WHERE id = 1");
    WebhookSettings settings;
    if (query.next_row()) {
        settings.url = query.text_at(0);
        settings.secret = query.text_at(1);
        settings.enabled = query.int_at(2) != 0;
    }
    return settings;
}

void WebhookStore::save_settings(const WebhookSettings& settings) {
    std::lock_guard lock(mutex_);
    sqlite::Query(db_,
                  "INSERT INTO webhook_settings (id, url, secret, enabled) VALUES (1, ?, ?, ?) "
                  "ON CONFLICT (id) DO UPDATE SET url = excluded.url, secret = excluded.secret, "
                  "enabled = excluded.enabled")
        .bind_text(1, settings.url)
        .bind_text(2, settings.secret)
        .bind_int(3, settings.enabled ? 1 : 0)
        .run();
}

bool WebhookStore::enqueue(std::uint64_t seq, core::TicketId ticket, const std::string& event,
                           const std::string& payload, core::Timestamp at,
                           std::uint64_t derived_through) {
    std::lock_guard lock(mutex_);
    db_.exec("BEGIN IMMEDIATE");
    try {
        sqlite::Query(db_,
                      "INSERT OR IGNORE INTO webhook_deliveries (seq, ticket, event, payload, "
                      "created_at, attempts, next_attempt_at, status) "
                      "VALUES (?, ?, ?, ?, ?, 0, ?, 'pending')")
            .bind_uint(1, seq)
            .bind_uint(2, ticket)
            .bind_text(3, event)
            .bind_text(4, payload)
            .bind_int(5, at)
            .bind_int(6, at)
            .run();
        sqlite::Query changed(db_, "SELECT changes()");
        const bool added = changed.next_row() && changed.int_at(0) > 0;
        raise_progress(db_, derived_through);
        db_.exec("COMMIT");
        return added;
    } catch (const StoreFailure&) {
        db_.roll_back();
        throw;
    }
}

std::optional<std::uint64_t> WebhookStore::derived_through() {
    std::lock_guard lock(mutex_);
    sqlite::Query query(db_, "SELECT derived_through FROM webhook_progress WHERE id = 1");
    if (!query.next_row())
        return std::nullopt;
    return query.uint_at(0);
}

void WebhookStore::set_derived_through(std::uint64_t seq) {
    std::lock_guard lock(mutex_);
    raise_progress(db_, seq);
}

std::optional<Delivery> WebhookStore::next_pending() {
    std::lock_guard lock(mutex_);
    sqlite::Query query(db_, "SELECT " + std::string(kColumns) +
                                 " FROM webhook_deliveries WHERE status = 'pending' "
                                 "ORDER BY next_attempt_at, id LIMIT 1");
    if (!query.next_row())
        return std::nullopt;
    return read_delivery(query);
}

void WebhookStore::record_attempt(std::int64_t id, const AttemptResult& result, core::Timestamp at,
                                  std::optional<core::Timestamp> retry_at) {
    std::lock_guard lock(mutex_);
    const char* status = result.succeeded() ? "delivered" : retry_at ? "pending" : "failed";
    sqlite::Query query(db_,
                        "UPDATE webhook_deliveries SET attempts = attempts + 1, status = ?, "
                        "next_attempt_at = ?, last_status_code = ?, last_error = ?, "
                        "last_attempt_at = ? WHERE id = ?");
    query.bind_text(1, status).bind_int(2, retry_at.value_or(at));
    if (result.status_code)
        query.bind_int(3, *result.status_code);
    query.bind_optional_text(4, result.error).bind_int(5, at).bind_int(6, id).run();
}

std::vector<Delivery> WebhookStore::list(std::optional<std::int64_t> before, std::size_t limit) {
    std::lock_guard lock(mutex_);
    sqlite::Query query(db_, "SELECT " + std::string(kColumns) +
                                 " FROM webhook_deliveries WHERE id < ? ORDER BY id DESC LIMIT ?");
    query.bind_int(1, before.value_or(INT64_MAX)).bind_uint(2, limit);
    std::vector<Delivery> deliveries;
    while (query.next_row())
        deliveries.push_back(read_delivery(query));
    return deliveries;
}

}  // namespace parley::server::webhooks
