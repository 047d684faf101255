// The console's Link over a Beast WebSocket, for the desktop build. The socket lives on its
// own I/O thread; its callbacks only append to a mutex-guarded inbox drained by the frame.
#pragma once

#include "console/link.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <memory>
#include <mutex>
#include <thread>

namespace parley::shell {

class BeastLink final : public console::Link {
public:
    BeastLink(std::string host, std::string port);
    ~BeastLink() override;

    void open() override;
    void send(std::string text) override;
    void close() override;
    std::vector<console::LinkEvent> drain() override;
    std::string describe() const override;

    struct Attempt;

private:
    void report(console::LinkEvent event);

    std::string host_;
    std::string port_;
    boost::asio::io_context io_;
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
    std::shared_ptr<Attempt> attempt_;  // touched only on the I/O thread
    std::mutex inbox_mutex_;
    std::vector<console::LinkEvent> inbox_;
    std::thread thread_;
};

}  // namespace parley::shell
