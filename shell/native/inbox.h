// What the I/O thread hands the frame: handlers push() results, which wakes the frame's loop;
// the frame drains them all at once, in order. One mutex, held only to append or to swap.
#pragma once

#include "io_thread.h"

#include <mutex>
#include <utility>
#include <vector>

namespace parley::shell {

template <class T>
class Inbox {
public:
    explicit Inbox(IoThread& io) : io_(io) {}

    void push(T item) {
        {
            std::lock_guard lock(mutex_);
            items_.push_back(std::move(item));
        }
        io_.wake();
    }

    std::vector<T> drain() {
        std::lock_guard lock(mutex_);
        return std::exchange(items_, {});
    }

private:
    IoThread& io_;
    std::mutex mutex_;
    std::vector<T> items_;
};

}  // namespace parley::shell
