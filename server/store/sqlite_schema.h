// The store's tables and the checks run when a file is opened: is this a Parley store, is it
// one this build can read, and is its schema up to date. A file that fails a check is never
// written to, so a wrong path or a damaged file is reported, not repaired into an empty store.
#pragma once

#include "server/store/sqlite_db.h"

#include <cstdint>

namespace parley::server::sqlite {

// The schema version this build writes; PRAGMA user_version holds the file's.
inline constexpr int kSchemaVersion = 3;

// Checks the file, switches it to WAL with full fsync on commit, and creates or migrates the
// tables. Throws StoreFailure ("corrupt" for a file that is not a readable Parley store).
// `wal_limit_bytes`: the size the WAL file is cut back to when it starts over.
void prepare_writer(Connection& db, std::uint64_t wal_limit_bytes);

// Settings for a connection that only reads, beside the writer.
void prepare_reader(Connection& db);

}  // namespace parley::server::sqlite
