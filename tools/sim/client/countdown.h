// Counts the calls still to come and lets one thread wait for them: how a caller blocks on
// work that runs on an io_context's threads. Standard library only.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace parley::client {

class Countdown {
public:
    void reset(std::size_t count) {
        const std::lock_guard lock(mutex_);
        remaining_ = count;
    }

    // True for the call that brought the count to zero.
    bool done() {
        const std::lock_guard lock(mutex_);
        const bool was_last = remaining_ == 1;
        if (remaining_ > 0) {
            --remaining_;
        }
        changed_.notify_all();
        return was_last;
    }

    void wait() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return remaining_ == 0; });
    }

    // False when `stall` passes with no call at all: the other side stopped answering.
    bool wait(std::chrono::seconds stall) {
        std::unique_lock lock(mutex_);
        while (remaining_ != 0) {
            const std::size_t seen = remaining_;
            if (!changed_.wait_for(lock, stall, [&] { return remaining_ != seen; })) {
                return false;
            }
        }
        return true;
    }

    std::size_t remaining() const {
        const std::lock_guard lock(mutex_);
        return remaining_;
    }

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::size_t remaining_ = 0;
};

}  // namespace parley::client
