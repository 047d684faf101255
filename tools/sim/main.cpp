// parley-sim: simulated customers (and optionally agents) for a running parley-server, and
// `parley-sim load`, the measured floor for benchmarks. Wires the command line, the log and
// the signals to a Simulation or a load run; everything else lives there.
#include <atomic>
#include <chrono>
#include <csignal>
#include <ctime>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include "sim/load/load_run.h"
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

int load_main(const std::vector<std::string>& args) {
    using namespace parley::sim;
    ParsedLoadFlags parsed = parse_load_flags(args);
    if (std::holds_alternative<ShowLoadHelp>(parsed)) {
        std::cout << load_help_text();
        return 0;
    }
    if (const auto* error = std::get_if<LoadFlagError>(&parsed)) {
        std::cerr << "parley-sim load: " << error->message << "\n";
        return 2;
    }
    const LoadOptions options = std::get<LoadOptions>(std::move(parsed));
    std::signal(SIGPIPE, SIG_IGN);
    log_line("load: " + std::to_string(options.customers) + " customers and " +
             std::to_string(options.agents) + " agents against " + options.server);
    auto ran = run_load(options, [](const std::string& line) { log_line("load: " + line); });
    if (const auto* error = std::get_if<std::string>(&ran)) {
        std::cerr << "parley-sim load: " << *error << "\n";
        return 1;
    }
    const LoadReport& report = std::get<LoadReport>(ran);
    print_load_report(report, options, std::cout);
    return load_had_errors(report) ? 3 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace parley::sim;
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && args.front() == "load") {
        return load_main({args.begin() + 1, args.end()});
    }
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
