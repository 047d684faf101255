// The embedded store: the event log and the accounts in one SQLite file (WAL, fsync on every
// commit). Writes go to one commit thread that group-commits them (see group_commit.h); reads
// use a second connection beside it and see every write whose `done` has run.
// Reading functions throw StoreFailure when the file cannot answer (see store.h).
#pragma once

#include "server/store/checkpointer.h"
#include "server/store/group_commit.h"
#include "server/store/sqlite_db.h"
#include "server/store/store.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <variant>

namespace parley::server {

struct StoreOptions {
    // How often the WAL is copied back into the database file.
    std::chrono::milliseconds checkpoint_period{200};
    // The WAL is brought back under this size (see checkpointer.h).
    std::uint64_t wal_limit_bytes = std::uint64_t{64} << 20;
};

class SqliteStore final : public EventLog, public AccountStore {
public:
    // Opens the file, creating it and its tables when it does not exist. Never throws for a
    // bad file or folder: "io" when it cannot be opened or written, "corrupt" when it is not a
    // Parley store this build can read (such a file is left untouched).
    static std::variant<std::unique_ptr<SqliteStore>, StoreError> open(
        const std::filesystem::path& file, const StoreOptions& options = {});

    // Commits everything queued, then closes the file. Must not run inside a `done`.
    ~SqliteStore() override;
    SqliteStore(const SqliteStore&) = delete;
    SqliteStore& operator=(const SqliteStore&) = delete;

    // [SECTION] EventLog
    std::uint64_t last_seq() override;
    // Fails with "conflict" when the batch does not continue the log at last_seq() + 1 (or is
    // not consecutive), or when a chat version it carries is already taken.
    void append(std::vector<StoredEvent> batch, CommitDone done) override;
    std::vector<StoredEvent> read_after(std::uint64_t after, std::size_t limit) override;
    std::vector<StoredEvent> read_chat(const std::string& chat) override;
    std::optional<std::uint64_t> seq_of_command(const std::string& command_id) override;
    // Keeps the two latest snapshots. Fails with "conflict" for a snapshot past the log's end.
    void save_snapshot(StoredSnapshot snapshot, CommitDone done) override;
    std::optional<StoredSnapshot> latest_snapshot() override;
    void flush() override;

    // [SECTION] AccountStore: every put replaces the row with the same key.
    std::optional<Credential> credential(const std::string& agent) override;
    void put_credential(Credential credential, CommitDone done) override;
    std::optional<StoredSession> session(const std::string& token_hash) override;
    void put_session(StoredSession session, CommitDone done) override;
    void delete_session(const std::string& token_hash, CommitDone done) override;
    void delete_sessions_of(SessionKind kind, const std::string& subject, CommitDone done) override;
    // Deletes sessions with expires_at <= now.
    void delete_expired_sessions(std::int64_t now, CommitDone done) override;
    std::vector<StoredApiKey> api_keys() override;
    std::optional<StoredApiKey> api_key(const std::string& id) override;
    void put_api_key(StoredApiKey key, CommitDone done) override;
    std::optional<StoredAttachment> attachment(const std::string& id) override;
    void put_attachment(StoredAttachment attachment, CommitDone done) override;
    void each_attachment(const std::function<void(const StoredAttachment&)>& visit) override;

    // [SECTION] Metrics
    CommitStats stats() const;
    void set_commit_observer(CommitObserver observer);

private:
    SqliteStore(sqlite::Connection writer, sqlite::Connection reader,
                sqlite::Connection checkpoints, std::uint64_t last_seq,
                const StoreOptions& options);

    void write(sqlite::GroupCommitter::Work work, CommitDone done);

    std::mutex read_mutex_;
    sqlite::Connection reader_;
    std::atomic<std::uint64_t> last_seq_;
    sqlite::Checkpointer checkpointer_;
    // Last: destroyed first, so queued jobs commit while everything they touch still exists.
    std::unique_ptr<sqlite::GroupCommitter> writer_;
};

}  // namespace parley::server
