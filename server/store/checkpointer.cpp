#include "server/store/checkpointer.h"

#include <utility>

namespace parley::server::sqlite {

Checkpointer::Checkpointer(Connection connection, std::chrono::milliseconds period)
    : db_(std::move(connection)), period_(period), thread_([this] { run(); }) {}

Checkpointer::~Checkpointer() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void Checkpointer::run() {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, period_, [this] { return stopping_; })) {
        lock.unlock();
        try {
            // PASSIVE never waits for the writer or readers; what it cannot copy now it copies
            // next time, and a WAL that is wholly copied is rewound by the next commit.
            db_.exec("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (const StoreFailure&) {
            // Nothing is lost when a checkpoint fails: the WAL keeps the commits, and the next
            // period tries again.
        }
        lock.lock();
    }
}

}  // namespace parley::server::sqlite
