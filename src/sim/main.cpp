// parley-sim: simulated customers (and optionally agents) for a running parley-server. Wires
// the command line, the log and the signals to a Simulation; everything else lives there.
#include <atomic>
#include <chrono>
#include <csignal>
#include <ctime>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include "sim/options.h"
#include "sim/simulation.h"

namespace {

std::atomic<bool> g_stop_requested{false};

void request_stop(int) {
    g_stop_requested = true;
}

void log_line(const std::string& line) {
    static std::mutex mutex;
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[16];
    std::strftime(stamp, sizeof stamp, "%H:%M:%S", &local);
    const std::lock_guard lock(mutex);
    std::cout << stamp << " sim: " << line << std::endl;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace parley::sim;
    const std::vector<std::string> args(argv + 1, argv + argc);
    ParsedFlags parsed = parse_flags(args);
    if (std::holds_alternative<ShowHelp>(parsed)) {
        std::cout << help_text();
        return 0;
    }
    if (const auto* error = std::get_if<FlagError>(&parsed)) {
        std::cerr << "parley-sim: " << error->message << "\n";
        return 2;
    }
    const SimOptions options = std::get<SimOptions>(std::move(parsed));
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);

    Simulation simulation(options, log_line);
    if (const auto error = simulation.start(std::chrono::seconds(60))) {
        std::cerr << "parley-sim: " << *error << "\n";
        return 1;
    }
    std::ostringstream started;
    started << "customers arrive at " << options.customers_per_minute << " a minute against "
            << options.server;
    if (options.agents > 0) {
        started << " with " << options.agents << " simulated agents";
    }
    started << " (seed " << options.seed << ")";
    log_line(started.str());
    const auto begin = std::chrono::steady_clock::now();
    while (!g_stop_requested && !simulation.server_gone()) {
        if (options.duration_seconds > 0 &&
            std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count() >=
                options.duration_seconds) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    simulation.stop();
    log_line("stopped; " + simulation.summary());
    return 0;
}
