#include "server/store/checkpointer.h"

#include <utility>

namespace parley::server::sqlite {

Checkpointer::Checkpointer(Connection connection, std::chrono::milliseconds period,
                           std::uint64_t wal_limit_bytes)
    : db_(std::move(connection)),
      period_(period),
      wal_limit_bytes_(wal_limit_bytes),
      thread_([this] { run(); }) {}

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
            checkpoint();
        } catch (const StoreFailure&) {
            // Nothing is lost when a checkpoint fails: the WAL keeps the commits, and the next
            // period tries again.
        }
        lock.lock();
    }
}

void Checkpointer::checkpoint() {
    if (page_bytes_ == 0) {
        Query page(db_, "PRAGMA page_size");
        page_bytes_ = page.next_row() ? page.uint_at(0) : 4096;
    }
    // PASSIVE never waits for the writer or readers; what it cannot copy now it copies next
    // time, and a WAL that is wholly copied is rewound by the next commit.
    Query passive(db_, "PRAGMA wal_checkpoint(PASSIVE)");
    if (!passive.next_row()) {
        return;
    }
    const std::int64_t wal_frames = passive.int_at(1);
    if (wal_frames > 0 && static_cast<std::uint64_t>(wal_frames) * page_bytes_ > wal_limit_bytes_) {
        Query(db_, "PRAGMA wal_checkpoint(RESTART)").next_row();
    }
}

}  // namespace parley::server::sqlite
