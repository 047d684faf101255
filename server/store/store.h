// The server's durable storage, behind interfaces so the embedded SQLite store and a later
// PostgreSQL store (several server processes on one database) are interchangeable.
// Events carry a global sequence number and, for chat events, a per-chat version: appending a
// version that already exists fails, which is the optimistic-concurrency check several
// processes will rely on. Writes are asynchronous and group-committed: many appends share one
// transaction and one fsync, and `done` runs only once the commit is on disk.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace parley::server {

// A store failure: a code for logs and metrics, a sentence for people.
struct StoreError {
    // "io" (disk or database error), "conflict" (sequence or chat version already taken),
    // "corrupt" (unreadable data), "closed" (the store is shutting down).
    std::string code;
    std::string message;
};

// Thrown by the reading functions when the storage cannot answer (disk error, corruption, a
// lost database connection): a read has no error result, and an empty answer would look like
// "no events" to a reconnecting client, a silent gap.
class StoreFailure : public std::runtime_error {
public:
    explicit StoreFailure(StoreError error)
        : std::runtime_error(error.message), error_(std::move(error)) {}
    const StoreError& error() const { return error_; }

private:
    StoreError error_;
};

struct StoredEvent {
    // Global, dense, starting at 1; assigned by the caller in order.
    std::uint64_t seq = 0;
    std::string command_id;
    // The chat the event is about, and that chat's version after it (1, 2, ...).
    std::optional<std::string> chat;
    std::uint64_t chat_version = 0;
    // Milliseconds since the epoch.
    std::int64_t at = 0;
    // The encoded event (protocol JSON); the store does not look inside.
    std::string payload;
    bool operator==(const StoredEvent&) const = default;
};

struct StoredSnapshot {
    // The snapshot holds the state after every event up to and including `seq`.
    std::uint64_t seq = 0;
    std::string payload;
    // Set when read back: false when the payload does not match the checksum saved beside it
    // (or none was saved). Such a snapshot is damaged and must not be loaded.
    bool intact = true;
};

// Called on the store's commit thread: hand work back to your own executor.
using CommitDone = std::function<void(std::optional<StoreError>)>;

class EventLog {
public:
    virtual ~EventLog() = default;
    // The highest committed sequence number (0 when empty).
    virtual std::uint64_t last_seq() = 0;
    // Queues a batch (consecutive seqs, continuing the log) for the next group commit.
    virtual void append(std::vector<StoredEvent> batch, CommitDone done) = 0;
    // Committed events with seq > after, ascending, at most `limit`.
    virtual std::vector<StoredEvent> read_after(std::uint64_t after, std::size_t limit) = 0;
    // One chat's committed events in chat_version order (its audit trail); empty for a chat
    // the log never mentioned.
    virtual std::vector<StoredEvent> read_chat(const std::string& chat) = 0;
    // The first seq a command produced, if it was committed: a repeated command id answers
    // with its first outcome.
    virtual std::optional<std::uint64_t> seq_of_command(const std::string& command_id) = 0;
    // Snapshots only speed up start-up; the log stays the truth. Older snapshots may be pruned.
    // Each is saved with a checksum of its payload, checked when it is read back (`intact`).
    virtual void save_snapshot(StoredSnapshot snapshot, CommitDone done) = 0;
    virtual std::optional<StoredSnapshot> latest_snapshot() = 0;
    // Blocks until everything queued so far is committed (shutdown, tests).
    virtual void flush() = 0;
};

// [SECTION] Accounts and access

struct Credential {
    std::string agent;
    // libsodium crypto_pwhash_str (argon2id) string.
    std::string password_hash;
    std::int64_t changed_at = 0;
};

enum class SessionKind { staff, customer };

struct StoredSession {
    // Hash of the token; the token itself is never stored.
    std::string token_hash;
    SessionKind kind = SessionKind::staff;
    // Agent id for staff, customer id for customers.
    std::string subject;
    // Customers: the chat the token is scoped to.
    std::optional<std::string> chat;
    std::int64_t created_at = 0;
    std::int64_t expires_at = 0;
    bool operator==(const StoredSession&) const = default;
};

struct StoredApiKey {
    // Public id of the key ("key_..."), the integration actor's id.
    std::string id;
    std::string name;
    // Hash of the secret; the secret is shown once at creation.
    std::string secret_hash;
    std::string created_by;
    std::int64_t created_at = 0;
    bool revoked = false;
    bool operator==(const StoredApiKey&) const = default;
};

struct StoredAttachment {
    // Random, at least 128 bits, what URLs name.
    std::string id;
    // SHA-256 of the content, hex; the file on disk is named by it.
    std::string content_hash;
    std::string name;
    std::string content_type;
    std::uint64_t size = 0;
    std::string chat;
    std::string uploaded_by;
    std::int64_t at = 0;
    // The uploader's network address: upload quotas per address are rebuilt from it.
    std::string client;
    bool operator==(const StoredAttachment&) const = default;
};

class AccountStore {
public:
    virtual ~AccountStore() = default;
    virtual std::optional<Credential> credential(const std::string& agent) = 0;
    virtual void put_credential(Credential credential, CommitDone done) = 0;

    virtual std::optional<StoredSession> session(const std::string& token_hash) = 0;
    virtual void put_session(StoredSession session, CommitDone done) = 0;
    virtual void delete_session(const std::string& token_hash, CommitDone done) = 0;
    // Logout everywhere, password change, deactivation.
    virtual void delete_sessions_of(SessionKind kind, const std::string& subject,
                                    CommitDone done) = 0;
    virtual void delete_expired_sessions(std::int64_t now, CommitDone done) = 0;

    virtual std::vector<StoredApiKey> api_keys() = 0;
    virtual std::optional<StoredApiKey> api_key(const std::string& id) = 0;
    virtual void put_api_key(StoredApiKey key, CommitDone done) = 0;

    virtual std::optional<StoredAttachment> attachment(const std::string& id) = 0;
    virtual void put_attachment(StoredAttachment attachment, CommitDone done) = 0;
    // Every stored attachment, oldest first: upload quotas are counted from them at start-up.
    virtual void each_attachment(const std::function<void(const StoredAttachment&)>& visit) = 0;
};

}  // namespace parley::server
