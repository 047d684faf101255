// A whole simulated floor against one server: Poisson arrivals of customers per queue weight
// (at most --max-waiting of them waiting at once), optional agents, and a summary line every
// so often. Runs on its own io thread; start() and stop() are called from outside it.
#pragma once

#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "sim/agent.h"
#include "sim/context.h"
#include "sim/customer.h"
#include "sim/options.h"
#include "sim/script/rng.h"
#include "sim/stats.h"

namespace parley::sim {

class Simulation {
public:
    // `log` receives one line at a time, from the io thread.
    Simulation(SimOptions options, std::function<void(const std::string&)> log);
    ~Simulation();
    Simulation(const Simulation&) = delete;
    Simulation& operator=(const Simulation&) = delete;

    // Finds the server (waiting up to `wait_for_server` for it to answer), sets up the agents
    // and lets the first customer in. An error is one sentence.
    std::optional<std::string> start(std::chrono::seconds wait_for_server);
    void stop();

    StatsSnapshot stats() const { return stats_.read(); }
    // The server closed our connections because it is shutting down.
    bool server_gone() const { return server_gone_; }
    // Every line the summary would print now, over the whole run.
    std::string summary() const;
    // The simulated agents' account ids (empty until start()).
    std::vector<std::string> agent_ids() const;

private:
    void arrive_after(double seconds);
    void arrive();
    void summarise();

    SimOptions options_;
    std::function<void(const std::string&)> log_;
    boost::asio::io_context io_;
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
    Stats stats_;
    std::atomic<bool> server_gone_{false};
    std::unique_ptr<SimContext> context_;
    Rng rng_;
    std::vector<std::shared_ptr<Customer>> customers_;
    std::vector<std::shared_ptr<Agent>> agents_;
    std::vector<std::string> agent_ids_;
    std::chrono::steady_clock::time_point started_at_{};
    StatsSnapshot last_summary_;
    std::thread thread_;
    bool stopped_ = false;
};

// "http://host:port" (or "host:port") into host and port; an error sentence otherwise.
struct ServerAddress {
    std::string host;
    std::string port;
};
std::variant<ServerAddress, std::string> parse_server_url(const std::string& url);

// The URL's server as an address to connect to; an error sentence otherwise.
std::variant<boost::asio::ip::tcp::endpoint, std::string> resolve_server_url(
    boost::asio::io_context& io, const std::string& url);

}  // namespace parley::sim
