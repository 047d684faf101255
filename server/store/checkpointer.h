// Copies the WAL back into the database file on its own connection and thread, so the group
// commit never pays for it: SQLite's automatic checkpoint runs inside the COMMIT that crosses
// the threshold and would hold every command waiting on that commit for its copy and fsync.
#pragma once

#include "server/store/sqlite_db.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace parley::server::sqlite {

class Checkpointer {
public:
    Checkpointer(Connection connection, std::chrono::milliseconds period);
    ~Checkpointer();
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;

private:
    void run();

    Connection db_;
    std::chrono::milliseconds period_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace parley::server::sqlite
