// What every simulated person shares: the io_context they run on (one thread, so their
// handlers never overlap), the server, the settings, the counters and the log.
#pragma once

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <functional>
#include <memory>
#include <string>

#include "sim/options.h"
#include "sim/stats.h"

namespace parley::sim {

struct SimContext {
    boost::asio::io_context& io;
    boost::asio::ip::tcp::endpoint server;
    const SimOptions& options;
    Stats& stats;
    std::function<void(const std::string&)> log;
    // Unique to this run, so command ids never repeat an earlier run's against the same data.
    std::string run_tag;
    // Set when the server said it is shutting down: the simulation ends with it.
    std::atomic<bool>& server_gone;

    // Runs `then` after `seconds` of a person's time (divided by --speed).
    void after(double seconds, std::function<void()> then) const;
    // The same in wall-clock seconds (arrivals, summaries).
    void after_wall(double seconds, std::function<void()> then) const;
};

// Wraps `member` so it runs only while `owner` is alive.
template <typename T, typename F>
std::function<void()> guarded(const std::shared_ptr<T>& owner, F member) {
    return [weak = std::weak_ptr<T>(owner), member] {
        if (auto self = weak.lock()) {
            member(*self);
        }
    };
}

}  // namespace parley::sim
