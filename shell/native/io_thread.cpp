#include "io_thread.h"

#include <utility>

namespace parley::shell {

IoThread::IoThread(std::function<void()> wake)
    : wake_(std::move(wake)),
      work_(boost::asio::make_work_guard(io_)),
      thread_([this] { io_.run(); }) {}

IoThread::~IoThread() {
    stop();
}

void IoThread::stop() {
    if (thread_.joinable()) {
        work_.reset();
        io_.stop();
        thread_.join();
    }
}

}  // namespace parley::shell
