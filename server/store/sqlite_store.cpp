// The SQLite store: each write becomes a job for the commit thread, each read one query on the
// read connection.
//
// [SECTION] Opening
// [SECTION] Event log: writes
// [SECTION] Event log: reads
// [SECTION] Accounts: writes
// [SECTION] Accounts: reads
// [SECTION] Metrics
#include "server/store/sqlite_store.h"

#include "server/store/sqlite_schema.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <limits>
#include <utility>

namespace parley::server {
namespace {

using sqlite::Connection;
using sqlite::Query;

constexpr std::int64_t kSnapshotsKept = 2;

StoreFailure conflict(std::string message) {
    return StoreFailure({"conflict", std::move(message)});
}

std::uint64_t max_seq(Connection& db) {
    Query query(db, "SELECT coalesce(max(seq), 0) FROM events");
    return query.next_row() ? query.uint_at(0) : 0;
}

// BLAKE2b-256 of a snapshot's payload, hex: a flipped byte on disk is told apart from a
// snapshot that merely looks like JSON.
std::string payload_checksum(std::string_view payload) {
    std::array<unsigned char, crypto_generichash_BYTES> digest{};
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<const unsigned char*>(payload.data()), payload.size(),
                       nullptr, 0);
    std::array<char, crypto_generichash_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data(), digest.size() * 2);
}

std::string_view kind_name(SessionKind kind) {
    return kind == SessionKind::staff ? "staff" : "customer";
}

SessionKind kind_from(std::string_view name) {
    return name == "staff" ? SessionKind::staff : SessionKind::customer;
}

}  // namespace

// [SECTION] Opening

std::variant<std::unique_ptr<SqliteStore>, StoreError> SqliteStore::open(
    const std::filesystem::path& file, const StoreOptions& options) {
    try {
        Connection writer = Connection::open(file, Connection::Mode::create);
        sqlite::prepare_writer(writer, options.wal_limit_bytes);
        Connection reader = Connection::open(file, Connection::Mode::existing);
        sqlite::prepare_reader(reader);
        Connection checkpoints = Connection::open(file, Connection::Mode::existing);
        const std::uint64_t last = max_seq(reader);
        return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(writer), std::move(reader),
                                                            std::move(checkpoints), last, options));
    } catch (const StoreFailure& failure) {
        return failure.error();
    }
}

SqliteStore::SqliteStore(Connection writer, Connection reader, Connection checkpoints,
                         std::uint64_t last_seq, const StoreOptions& options)
    : reader_(std::move(reader)),
      last_seq_(last_seq),
      checkpointer_(std::move(checkpoints), options.checkpoint_period, options.wal_limit_bytes),
      writer_(std::make_unique<sqlite::GroupCommitter>(std::move(writer))) {}

SqliteStore::~SqliteStore() = default;

void SqliteStore::write(sqlite::GroupCommitter::Work work, CommitDone done) {
    writer_->submit(std::move(work), std::move(done));
}

void SqliteStore::flush() {
    writer_->flush();
}

// [SECTION] Event log: writes

namespace {

// The caller numbers events; the store only accepts the numbers that keep the log dense.
void check_continues_log(Connection& db, const std::vector<StoredEvent>& events) {
    std::uint64_t expected = max_seq(db) + 1;
    for (const auto& event : events) {
        if (event.seq != expected) {
            throw conflict("Event " + std::to_string(event.seq) +
                           " does not continue the log, which takes " + std::to_string(expected) +
                           " next; the batch was not appended.");
        }
        ++expected;
    }
}

void insert_event(Connection& db, const StoredEvent& event) {
    Query insert(db,
                 "INSERT INTO events (seq, command_id, chat, chat_version, at, payload) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind_uint(1, event.seq)
        .bind_text(2, event.command_id)
        .bind_optional_text(3, event.chat)
        .bind_uint(4, event.chat_version)
        .bind_int(5, event.at)
        .bind_text(6, event.payload);
    try {
        insert.run();
    } catch (const StoreFailure& failure) {
        if (failure.error().code != "conflict" || !event.chat) {
            throw;
        }
        throw conflict("Chat " + *event.chat + " already has version " +
                       std::to_string(event.chat_version) + "; the batch with event " +
                       std::to_string(event.seq) + " was not appended.");
    }
}

void insert_events(Connection& db, const std::vector<StoredEvent>& events) {
    if (events.empty()) {
        return;
    }
    check_continues_log(db, events);
    for (const auto& event : events) {
        insert_event(db, event);
    }
}

void insert_snapshot(Connection& db, const StoredSnapshot& snapshot) {
    // A snapshot past the log would make start-up skip events that were never written.
    if (snapshot.seq > max_seq(db)) {
        throw conflict("The snapshot at " + std::to_string(snapshot.seq) +
                       " is past the end of the log (" + std::to_string(max_seq(db)) +
                       "); it was not saved.");
    }
    Query(db, "INSERT OR REPLACE INTO snapshots (seq, payload, checksum) VALUES (?1, ?2, ?3)")
        .bind_uint(1, snapshot.seq)
        .bind_blob(2, snapshot.payload)
        .bind_text(3, payload_checksum(snapshot.payload))
        .run();
    Query(db,
          "DELETE FROM snapshots WHERE seq NOT IN "
          "(SELECT seq FROM snapshots ORDER BY seq DESC LIMIT ?1)")
        .bind_int(1, kSnapshotsKept)
        .run();
}

}  // namespace

void SqliteStore::append(std::vector<StoredEvent> batch, CommitDone done) {
    const std::uint64_t last = batch.empty() ? 0 : batch.back().seq;
    write([events = std::move(batch)](Connection& db) { insert_events(db, events); },
          [this, last, done = std::move(done)](std::optional<StoreError> error) {
              // Raised before `done` runs, so a caller that was told "committed" never sees
              // last_seq() behind its own event.
              if (!error && last > last_seq_.load()) {
                  last_seq_.store(last);
              }
              if (done) {
                  done(std::move(error));
              }
          });
}

void SqliteStore::save_snapshot(StoredSnapshot snapshot, CommitDone done) {
    write([snapshot = std::move(snapshot)](Connection& db) { insert_snapshot(db, snapshot); },
          std::move(done));
}

// [SECTION] Event log: reads

namespace {

StoredEvent event_from(const Query& row) {
    return {row.uint_at(0), row.text_at(1), row.optional_text_at(2),
            row.uint_at(3), row.int_at(4),  row.text_at(5)};
}

}  // namespace

std::uint64_t SqliteStore::last_seq() {
    return last_seq_.load();
}

std::vector<StoredEvent> SqliteStore::read_after(std::uint64_t after, std::size_t limit) {
    std::vector<StoredEvent> events;
    if (limit == 0) {
        return events;
    }
    constexpr auto kLargest = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    const std::lock_guard lock(read_mutex_);
    Query query(reader_,
                "SELECT seq, command_id, chat, chat_version, at, payload FROM events "
                "WHERE seq > ?1 ORDER BY seq LIMIT ?2");
    query.bind_uint(1, std::min(after, kLargest))
        .bind_uint(2, std::min(static_cast<std::uint64_t>(limit), kLargest));
    while (query.next_row()) {
        events.push_back(event_from(query));
    }
    return events;
}

std::vector<StoredEvent> SqliteStore::read_chat(const std::string& chat) {
    std::vector<StoredEvent> events;
    const std::lock_guard lock(read_mutex_);
    // Walks the UNIQUE (chat, chat_version) index: no scan of other chats' events.
    Query query(reader_,
                "SELECT seq, command_id, chat, chat_version, at, payload FROM events "
                "WHERE chat = ?1 ORDER BY chat_version");
    query.bind_text(1, chat);
    while (query.next_row()) {
        events.push_back(event_from(query));
    }
    return events;
}

std::optional<std::uint64_t> SqliteStore::seq_of_command(const std::string& command_id) {
    const std::lock_guard lock(read_mutex_);
    Query query(reader_, "SELECT min(seq) FROM events WHERE command_id = ?1");
    query.bind_text(1, command_id);
    return query.next_row() ? query.optional_uint_at(0) : std::nullopt;
}

std::optional<StoredSnapshot> SqliteStore::latest_snapshot() {
    const std::lock_guard lock(read_mutex_);
    Query query(reader_, "SELECT seq, payload, checksum FROM snapshots ORDER BY seq DESC LIMIT 1");
    if (!query.next_row()) {
        return std::nullopt;
    }
    StoredSnapshot snapshot{query.uint_at(0), query.text_at(1)};
    const std::optional<std::string> checksum = query.optional_text_at(2);
    snapshot.intact = checksum && *checksum == payload_checksum(snapshot.payload);
    return snapshot;
}

// [SECTION] Accounts: writes

void SqliteStore::put_credential(Credential credential, CommitDone done) {
    write(
        [credential = std::move(credential)](Connection& db) {
            Query(db,
                  "INSERT OR REPLACE INTO credentials (agent, password_hash, changed_at) "
                  "VALUES (?1, ?2, ?3)")
                .bind_text(1, credential.agent)
                .bind_text(2, credential.password_hash)
                .bind_int(3, credential.changed_at)
                .run();
        },
        std::move(done));
}

void SqliteStore::put_session(StoredSession session, CommitDone done) {
    write(
        [session = std::move(session)](Connection& db) {
            Query(db,
                  "INSERT OR REPLACE INTO sessions "
                  "(token_hash, kind, subject, chat, created_at, expires_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .bind_text(1, session.token_hash)
                .bind_text(2, kind_name(session.kind))
                .bind_text(3, session.subject)
                .bind_optional_text(4, session.chat)
                .bind_int(5, session.created_at)
                .bind_int(6, session.expires_at)
                .run();
        },
        std::move(done));
}

void SqliteStore::delete_session(const std::string& token_hash, CommitDone done) {
    write(
        [token_hash](Connection& db) {
            Query(db, "DELETE FROM sessions WHERE token_hash = ?1").bind_text(1, token_hash).run();
        },
        std::move(done));
}

void SqliteStore::delete_sessions_of(SessionKind kind, const std::string& subject,
                                     CommitDone done) {
    write(
        [kind, subject](Connection& db) {
            Query(db, "DELETE FROM sessions WHERE kind = ?1 AND subject = ?2")
                .bind_text(1, kind_name(kind))
                .bind_text(2, subject)
                .run();
        },
        std::move(done));
}

void SqliteStore::delete_expired_sessions(std::int64_t now, CommitDone done) {
    write(
        [now](Connection& db) {
            Query(db, "DELETE FROM sessions WHERE expires_at <= ?1").bind_int(1, now).run();
        },
        std::move(done));
}

void SqliteStore::put_api_key(StoredApiKey key, CommitDone done) {
    write(
        [key = std::move(key)](Connection& db) {
            Query(db,
                  "INSERT OR REPLACE INTO api_keys "
                  "(id, name, secret_hash, created_by, created_at, revoked) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .bind_text(1, key.id)
                .bind_text(2, key.name)
                .bind_text(3, key.secret_hash)
                .bind_text(4, key.created_by)
                .bind_int(5, key.created_at)
                .bind_int(6, key.revoked ? 1 : 0)
                .run();
        },
        std::move(done));
}

void SqliteStore::put_attachment(StoredAttachment attachment, CommitDone done) {
    write(
        [attachment = std::move(attachment)](Connection& db) {
            Query(db,
                  "INSERT OR REPLACE INTO attachments "
                  "(id, content_hash, name, content_type, size, chat, uploaded_by, at, client) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .bind_text(1, attachment.id)
                .bind_text(2, attachment.content_hash)
                .bind_text(3, attachment.name)
                .bind_text(4, attachment.content_type)
                .bind_uint(5, attachment.size)
                .bind_text(6, attachment.chat)
                .bind_text(7, attachment.uploaded_by)
                .bind_int(8, attachment.at)
                .bind_text(9, attachment.client)
                .run();
        },
        std::move(done));
}

// [SECTION] Accounts: reads

namespace {

StoredApiKey api_key_from(const Query& row) {
    return {row.text_at(0), row.text_at(1), row.text_at(2),
            row.text_at(3), row.int_at(4),  row.int_at(5) != 0};
}

constexpr std::string_view kSelectApiKeys =
    "SELECT id, name, secret_hash, created_by, created_at, revoked FROM api_keys";

StoredAttachment attachment_from(const Query& row) {
    return {row.text_at(0), row.text_at(1), row.text_at(2), row.text_at(3), row.uint_at(4),
            row.text_at(5), row.text_at(6), row.int_at(7),  row.text_at(8)};
}

constexpr std::string_view kSelectAttachments =
    "SELECT id, content_hash, name, content_type, size, chat, uploaded_by, at, client "
    "FROM attachments";

}  // namespace

std::optional<Credential> SqliteStore::credential(const std::string& agent) {
    const std::lock_guard lock(read_mutex_);
    Query query(reader_,
                "SELECT agent, password_hash, changed_at FROM credentials WHERE agent = ?1");
    query.bind_text(1, agent);
    if (!query.next_row()) {
        return std::nullopt;
    }
    return Credential{query.text_at(0), query.text_at(1), query.int_at(2)};
}

std::optional<StoredSession> SqliteStore::session(const std::string& token_hash) {
    const std::lock_guard lock(read_mutex_);
    Query query(reader_,
                "SELECT token_hash, kind, subject, chat, created_at, expires_at FROM sessions "
                "WHERE token_hash = ?1");
    query.bind_text(1, token_hash);
    if (!query.next_row()) {
        return std::nullopt;
    }
    return StoredSession{query.text_at(0), kind_from(query.text_at(1)),
                         query.text_at(2), query.optional_text_at(3),
                         query.int_at(4),  query.int_at(5)};
}

std::vector<StoredApiKey> SqliteStore::api_keys() {
    const std::lock_guard lock(read_mutex_);
    Query query(reader_, std::string(kSelectApiKeys) + " ORDER BY created_at, id");
    std::vector<StoredApiKey> keys;
    while (query.next_row()) {
        keys.push_back(api_key_from(query));
    }
    return keys;
}

std::optional<StoredApiKey> SqliteStore::api_key(const std::string& id) {
    const std::lock_guard lock(read_mutex_);
    Query query(reader_, std::string(kSelectApiKeys) + " WHERE id = ?1");
    query.bind_text(1, id);
    if (!query.next_row()) {
        return std::nullopt;
    }
    return api_key_from(query);
}

std::optional<StoredAttachment> SqliteStore::attachment(const std::string& id) {
    const std::lock_guard lock(read_mutex_);
    Query query(reader_, std::string(kSelectAttachments) + " WHERE id = ?1");
    query.bind_text(1, id);
    if (!query.next_row()) {
        return std::nullopt;
    }
    return attachment_from(query);
}

void SqliteStore::each_attachment(const std::function<void(const StoredAttachment&)>& visit) {
    const std::lock_guard lock(read_mutex_);
    Query query(reader_, std::string(kSelectAttachments) + " ORDER BY at, id");
    while (query.next_row()) {
        visit(attachment_from(query));
    }
}

// [SECTION] Metrics

CommitStats SqliteStore::stats() const {
    return writer_->stats();
}

void SqliteStore::set_commit_observer(CommitObserver observer) {
    writer_->set_commit_observer(std::move(observer));
}

}  // namespace parley::server
