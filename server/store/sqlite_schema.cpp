// Schema of the SQLite store and the open-time checks. Later schema changes are appended to
// kMigrations; a file is brought from its version to kSchemaVersion in one transaction.
#include "server/store/sqlite_schema.h"

#include <array>
#include <string>

namespace parley::server::sqlite {
namespace {

// "Prly" in the file header, so another program's SQLite file is refused, not written into.
constexpr std::int64_t kApplicationId = 0x50726C79;
// Another process (a backup, the sqlite3 shell) may hold the lock briefly.
constexpr std::string_view kBusyTimeout = "PRAGMA busy_timeout = 5000";

// kMigrations[i] takes a file from schema version i to i + 1.
constexpr std::array<std::string_view, kSchemaVersion> kMigrations = {
    R"sql(
    CREATE TABLE events (
        seq INTEGER PRIMARY KEY,
        command_id TEXT NOT NULL,
        chat TEXT,
        chat_version INTEGER NOT NULL,
        at INTEGER NOT NULL,
        payload TEXT NOT NULL,
        UNIQUE (chat, chat_version)
    );
    CREATE INDEX events_by_command ON events (command_id);
    CREATE TABLE snapshots (
        seq INTEGER PRIMARY KEY,
        payload TEXT NOT NULL
    );
    CREATE TABLE credentials (
        agent TEXT PRIMARY KEY,
        password_hash TEXT NOT NULL,
        changed_at INTEGER NOT NULL
    );
    CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('staff', 'customer')),
        subject TEXT NOT NULL,
        chat TEXT,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
    );
    CREATE INDEX sessions_by_subject ON sessions (kind, subject);
    CREATE INDEX sessions_by_expiry ON sessions (expires_at);
    CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        secret_hash TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        revoked INTEGER NOT NULL
    );
    CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        name TEXT NOT NULL,
        content_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        chat TEXT NOT NULL,
        uploaded_by TEXT NOT NULL,
        at INTEGER NOT NULL
    );
    CREATE INDEX attachments_by_chat ON attachments (chat);
    CREATE INDEX attachments_by_content ON attachments (content_hash);
    )sql",
    // Snapshots saved before this version have none and are never loaded: the log rebuilds
    // the State once.
    R"sql(
    ALTER TABLE snapshots ADD COLUMN checksum TEXT;
    )sql",
    // Who uploaded each file from where, so upload quotas are rebuilt at start-up.
    R"sql(
    ALTER TABLE attachments ADD COLUMN client TEXT NOT NULL DEFAULT '';
    )sql",
};

std::int64_t single_int(Connection& db, std::string_view sql) {
    Query query(db, sql);
    return query.next_row() ? query.int_at(0) : 0;
}

[[noreturn]] void refuse(const Connection& db, const std::string& why) {
    throw StoreFailure(
        {"corrupt", "The file " + db.file().string() + " " + why + "; it was left as it is."});
}

// Reading the header is the first access to the file: a file that is not SQLite fails here,
// before anything could be written to it.
void check_identity(Connection& db) {
    const std::int64_t application = single_int(db, "PRAGMA application_id");
    const std::int64_t version = single_int(db, "PRAGMA user_version");
    const std::int64_t tables = single_int(db, "SELECT count(*) FROM sqlite_master");
    if (version == 0 && tables > 0) {
        refuse(db, "is a SQLite database but not a Parley store");
    }
    if (version > 0 && application != kApplicationId) {
        refuse(db, "is a SQLite database of another application, not a Parley store");
    }
    if (version > kSchemaVersion) {
        refuse(db, "was written by a newer Parley (schema version " + std::to_string(version) +
                       "; this build reads up to " + std::to_string(kSchemaVersion) + ")");
    }
}

void use_wal(Connection& db) {
    Query query(db, "PRAGMA journal_mode = WAL");
    const std::string mode = query.next_row() ? query.text_at(0) : std::string();
    if (mode != "wal") {
        throw StoreFailure({"io", "Could not switch " + db.file().string() +
                                      " to write-ahead logging (the journal mode stayed '" + mode +
                                      "'); the store needs a local file system."});
    }
}

// Re-reads the version inside the write lock, so two processes opening a new file at the same
// moment do not both create the tables.
void migrate(Connection& db) {
    db.exec("BEGIN IMMEDIATE");
    try {
        const auto from = static_cast<std::size_t>(single_int(db, "PRAGMA user_version"));
        for (std::size_t version = from; version < kMigrations.size(); ++version) {
            db.exec(kMigrations[version]);
        }
        if (from < kMigrations.size()) {
            db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
            db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
        }
        db.exec("COMMIT");
    } catch (const StoreFailure&) {
        db.roll_back();
        throw;
    }
}

}  // namespace

void prepare_writer(Connection& db, std::uint64_t wal_limit_bytes) {
    db.exec(kBusyTimeout);
    check_identity(db);
    use_wal(db);
    db.exec("PRAGMA journal_size_limit = " + std::to_string(wal_limit_bytes));
    db.exec("PRAGMA synchronous = FULL");
    db.exec("PRAGMA foreign_keys = ON");
    // The Checkpointer copies the WAL back on its own thread, outside the group commit.
    db.exec("PRAGMA wal_autocheckpoint = 0");
    migrate(db);
}

void prepare_reader(Connection& db) {
    db.exec(kBusyTimeout);
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA query_only = ON");
}

}  // namespace parley::server::sqlite
