#include "server/access/password_workers.h"

#include <boost/asio/post.hpp>

namespace parley::server {

PasswordWorkers::PasswordWorkers(unsigned threads) : pool_(threads) {}

PasswordWorkers::~PasswordWorkers() {
    pool_.stop();
    pool_.join();
}

void PasswordWorkers::post(std::function<void()> job) {
    boost::asio::post(pool_, [this, job = std::move(job)] {
        if (const auto before = gate()) {
            before();
        }
        job();
    });
}

void PasswordWorkers::set_gate(std::function<void()> gate) {
    const std::lock_guard lock(mutex_);
    gate_ = std::move(gate);
}

std::function<void()> PasswordWorkers::gate() {
    const std::lock_guard lock(mutex_);
    return gate_;
}

}  // namespace parley::server
