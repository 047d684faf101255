// Where passwords are hashed and checked. One argon2id run costs tens of milliseconds of CPU
// and 64 MiB, so sign-ins, password changes and new accounts run on these few threads of their
// own and never hold up the I/O threads that answer everyone else. Jobs wait their turn when
// every thread is busy. Thread-safe.
#pragma once

#include <boost/asio/thread_pool.hpp>
#include <functional>
#include <mutex>

namespace parley::server {

class PasswordWorkers {
public:
    explicit PasswordWorkers(unsigned threads);
    // Lets the jobs that run finish and drops those that have not started.
    ~PasswordWorkers();
    PasswordWorkers(const PasswordWorkers&) = delete;
    PasswordWorkers& operator=(const PasswordWorkers&) = delete;

    void post(std::function<void()> job);

    // Tests: runs on the worker thread before each job, so a test can hold jobs there.
    void set_gate(std::function<void()> gate);

private:
    std::function<void()> gate();

    boost::asio::thread_pool pool_;
    std::mutex mutex_;
    std::function<void()> gate_;
};

}  // namespace parley::server
