// A service desk stand-in for the webhook tests: a blocking Beast HTTP acceptor on 127.0.0.1
// in its own thread that records every request and answers with the next status of a script
// (the last one repeats).
#pragma once

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace parley::server::testing {

struct ReceivedRequest {
    std::string target;
    std::map<std::string, std::string> headers;
    std::string body;
    std::chrono::steady_clock::time_point at;
};

class WebhookReceiver {
public:
    explicit WebhookReceiver(std::vector<int> statuses);
    ~WebhookReceiver();

    unsigned short port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hook"; }
    // Waits up to `timeout` for at least `count` requests; returns what arrived.
    std::vector<ReceivedRequest> wait_for(std::size_t count, std::chrono::milliseconds timeout);

private:
    void serve();

    std::vector<int> statuses_;
    boost::asio::io_context io_;
    boost::asio::ip::tcp::acceptor acceptor_;
    unsigned short port_ = 0;
    std::mutex mutex_;
    std::vector<ReceivedRequest> received_;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

}  // namespace parley::server::testing
