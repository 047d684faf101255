// What the sim's integration tests share: a real parley-server (tests/server/support), fast
// settings for the sim, a log that keeps every line, waiting with a generous deadline, and
// reading chats back through the REST API as staff.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "sim/options.h"
#include "sim/simulation.h"
#include "support/test_server.h"

namespace parley::sim::testing {

using parley::server::testing::http_call;
using parley::server::testing::sign_in;
using parley::server::testing::TestServer;

// Customers every quarter of a second, people twenty times quicker than life.
inline SimOptions fast_options(unsigned short port) {
    SimOptions options;
    options.server = "http://127.0.0.1:" + std::to_string(port);
    options.customers_per_minute = 240;
    options.first_after_seconds = 0.1;
    options.speed = 20;
    options.max_waiting = 0;
    options.seed = 7;
    options.summary_every_seconds = 3600;
    return options;
}

class KeptLog {
public:
    std::function<void(const std::string&)> sink() {
        return [this](const std::string& line) {
            const std::lock_guard lock(mutex_);
            lines_.push_back(line);
        };
    }
    std::string text() const {
        const std::lock_guard lock(mutex_);
        std::string all;
        for (const std::string& line : lines_) {
            all += line + "\n";
        }
        return all;
    }

private:
    mutable std::mutex mutex_;
    std::vector<std::string> lines_;
};

// True once `done()` holds; false when the deadline passed first. The machine is shared and
// noisy, so deadlines are generous and nothing is asserted about speed.
template <typename Check>
bool eventually(Check done, std::chrono::seconds deadline = std::chrono::seconds(90)) {
    const auto until = std::chrono::steady_clock::now() + deadline;
    while (!done()) {
        if (std::chrono::steady_clock::now() >= until) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return true;
}

// A real server and a simulation against it, on the fast settings as `tweak` leaves them.
class SimRun {
public:
    explicit SimRun(const std::function<void(SimOptions&)>& tweak) {
        SimOptions options = fast_options(server.port());
        tweak(options);
        simulation = std::make_unique<Simulation>(options, log.sink());
        const auto error = simulation->start(std::chrono::seconds(30));
        EXPECT_FALSE(error.has_value()) << error.value_or("") << "\n" << log.text();
        started = !error;
    }

    // Waits until the counters satisfy `done` (false when the deadline came first), then
    // stops the simulation so the server's records can be read at rest (its customers still
    // waiting for an agent cancel as they leave).
    bool until(const std::function<bool(const StatsSnapshot&)>& done,
               std::chrono::seconds deadline = std::chrono::seconds(90)) {
        const bool reached = reaches(done, deadline);
        simulation->stop();
        return reached;
    }

    // The same, leaving the simulation running.
    bool reaches(const std::function<bool(const StatsSnapshot&)>& done,
                 std::chrono::seconds deadline = std::chrono::seconds(90)) {
        return eventually([&] { return done(simulation->stats()); }, deadline);
    }

    std::string report() const { return simulation->summary() + "\n" + log.text(); }

    TestServer server;
    KeptLog log;
    std::unique_ptr<Simulation> simulation;
    bool started = false;
};

inline nlohmann::json get_as(unsigned short port, const std::string& token,
                             const std::string& target) {
    const auto result = http_call(port, boost::beast::http::verb::get, target, {},
                                  {{"Authorization", "Bearer " + token}});
    EXPECT_EQ(result.status, 200) << target << ": " << result.body;
    return result.json;
}

// Every chat the token's holder may see, newest first, each as GET /api/chats/{chat} has it.
inline std::vector<nlohmann::json> chats_in_full(unsigned short port, const std::string& token,
                                                 const std::string& query = "") {
    std::vector<nlohmann::json> chats;
    const auto listed = get_as(port, token, "/api/chats?limit=200" + query);
    for (const auto& row : listed.at("chats")) {
        chats.push_back(get_as(port, token, "/api/chats/" + row.at("id").get<std::string>()));
    }
    return chats;
}

}  // namespace parley::sim::testing
