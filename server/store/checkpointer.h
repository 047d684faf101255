// Copies the WAL back into the database file on its own connection and thread, so the group
// commit never pays for it: SQLite's automatic checkpoint runs inside the COMMIT that crosses
// the threshold and would hold every command waiting on that commit for its copy and fsync.
//
// Bounding the WAL: a PASSIVE checkpoint never waits, so under sustained writes it never finds
// a moment when every frame is copied and the WAL can start over; it grew past a gigabyte.
// When the WAL holds more than `wal_limit_bytes`, the checkpointer asks for a RESTART right
// after its PASSIVE pass: it takes the write lock only if no commit holds it (this connection
// has no busy handler), copies the few frames the PASSIVE pass left, and the next commit then
// writes the WAL from its start. The writer's journal_size_limit cuts the file back to the
// limit at that point. A commit that comes meanwhile waits for that short copy, not the whole.
#pragma once

#include "server/store/sqlite_db.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace parley::server::sqlite {

class Checkpointer {
public:
    Checkpointer(Connection connection, std::chrono::milliseconds period,
                 std::uint64_t wal_limit_bytes);
    ~Checkpointer();
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;

private:
    void run();
    void checkpoint();

    Connection db_;
    std::chrono::milliseconds period_;
    std::uint64_t wal_limit_bytes_;
    std::uint64_t page_bytes_ = 0;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace parley::server::sqlite
