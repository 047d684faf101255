// server_bench: Parley's server under simulated customers and agents over real WebSockets on
// loopback, and the same load against echo_ceiling_server (the same network stack with no
// core and no store), so the result reads as a ratio. It starts each server itself on a fresh
// temporary data folder, sets up agents and chats over REST, opens every WebSocket, then
// sends paced customer messages and prints throughput, latency percentiles, CPU and memory.
// Figures only: whether an aim is met is printed as text, never asserted.
//
// [SECTION] Options
// [SECTION] Child processes
// [SECTION] Parley run
// [SECTION] Ceiling run
// [SECTION] Report
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "sim/load/floor.h"
#include "sim/load/load_generator.h"
#include "sim/load/process_figures.h"
#include "sim/load/server_metrics.h"

namespace parley::bench {
namespace {

using namespace parley::load;

using Seconds = std::chrono::seconds;
using http_verb = boost::beast::http::verb;

// [SECTION] Options

struct Options {
    std::size_t agents = 100;
    std::size_t chats_per_agent = 99;
    double rate = 20000;
    Seconds warmup{5};
    Seconds seconds{30};
    std::vector<double> ramp = {5000, 10000, 30000, 40000};
    Seconds ramp_warmup{2};
    Seconds ramp_seconds{10};
    // While the last step was sustained, the ramp goes on up by half again, to at most this.
    double ramp_max = 160000;
    std::size_t text_bytes = 64;
    unsigned client_threads = 1;
    unsigned server_threads = 0;
    std::size_t accept_window = 4;
    std::size_t connect_batch = 500;
    bool run_parley = true;
    bool run_ceiling = true;
    bool keep_data = false;
    bool help = false;
    std::string server_binary = PARLEY_SERVER_BINARY;
    std::string echo_binary = PARLEY_ECHO_BINARY;
};

constexpr const char* kUsage = R"(usage: server_bench [flags]
  --quick                 1,000 connections (10 agents x 99 chats), 2,000 msg/s, short phases
  --agents N              agents (default 100), each in queue General with capacity 100
  --chats-per-agent N     chats each agent accepts, one customer each (default 99, at most 100)
  --rate N                offered customer messages per second in the main phase (20000)
  --warmup S, --seconds S warm-up and measured seconds of the main phase (5, 30)
  --ramp LIST|none        further offered rates, comma-separated (5000,10000,30000,40000)
  --ramp-warmup S         warm-up of each ramp step (2)
  --ramp-seconds S        measured seconds of each ramp step (10)
  --ramp-max N            after the list, steps of +50% while sustained, up to N (160000)
  --text-bytes N          length of each message's text (64)
  --client-threads N      this client's io threads, 1 or 2 (1)
  --server-threads N      both servers' io threads (0: one per core)
  --accept-window N       accept_chat commands in flight per agent during set-up (4)
  --connect-batch N       customers whose chats start before they connect, per batch (500)
  --no-parley, --no-ceiling  skip one of the two runs
  --keep-data             keep Parley's temporary data folder
  --server-binary PATH, --echo-binary PATH  the servers to start
)";

std::vector<double> parse_rates(const std::string& text) {
    std::vector<double> rates;
    if (text == "none") {
        return rates;
    }
    std::stringstream list(text);
    std::string item;
    while (std::getline(list, item, ',')) {
        rates.push_back(std::stod(item));
    }
    return rates;
}

// Nothing when the flags are wrong, after printing why.
std::optional<Options> parse_options(int argc, char** argv) {
    Options options;
    const std::vector<std::string> args(argv + 1, argv + argc);
    // --quick sets defaults the other flags may then override, wherever it stands.
    if (std::find(args.begin(), args.end(), "--quick") != args.end()) {
        options.agents = 10;
        options.rate = 2000;
        options.warmup = Seconds(2);
        options.seconds = Seconds(5);
        options.ramp = {500, 4000};
        options.ramp_warmup = Seconds(1);
        options.ramp_seconds = Seconds(3);
        options.ramp_max = 16000;
    }
    try {
        for (std::size_t i = 0; i < args.size(); ++i) {
            const std::string& flag = args[i];
            const auto value = [&]() -> const std::string& {
                if (i + 1 >= args.size()) {
                    throw std::invalid_argument(flag + " needs a value");
                }
                return args[++i];
            };
            if (flag == "--quick") {
            } else if (flag == "--help" || flag == "-h") {
                options.help = true;
            } else if (flag == "--agents") {
                options.agents = std::stoul(value());
            } else if (flag == "--chats-per-agent") {
                options.chats_per_agent = std::stoul(value());
            } else if (flag == "--rate") {
                options.rate = std::stod(value());
            } else if (flag == "--warmup") {
                options.warmup = Seconds(std::stol(value()));
            } else if (flag == "--seconds") {
                options.seconds = Seconds(std::stol(value()));
            } else if (flag == "--ramp") {
                options.ramp = parse_rates(value());
            } else if (flag == "--ramp-warmup") {
                options.ramp_warmup = Seconds(std::stol(value()));
            } else if (flag == "--ramp-seconds") {
                options.ramp_seconds = Seconds(std::stol(value()));
            } else if (flag == "--ramp-max") {
                options.ramp_max = std::stod(value());
            } else if (flag == "--text-bytes") {
                options.text_bytes = std::stoul(value());
            } else if (flag == "--client-threads") {
                options.client_threads = static_cast<unsigned>(std::stoul(value()));
            } else if (flag == "--server-threads") {
                options.server_threads = static_cast<unsigned>(std::stoul(value()));
            } else if (flag == "--accept-window") {
                options.accept_window = std::stoul(value());
            } else if (flag == "--connect-batch") {
                options.connect_batch = std::max<std::size_t>(1, std::stoul(value()));
            } else if (flag == "--no-parley") {
                options.run_parley = false;
            } else if (flag == "--no-ceiling") {
                options.run_ceiling = false;
            } else if (flag == "--keep-data") {
                options.keep_data = true;
            } else if (flag == "--server-binary") {
                options.server_binary = value();
            } else if (flag == "--echo-binary") {
                options.echo_binary = value();
            } else {
                std::fprintf(stderr, "server_bench: unknown flag %s\n%s", flag.c_str(), kUsage);
                return std::nullopt;
            }
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "server_bench: %s\n%s", error.what(), kUsage);
        return std::nullopt;
    }
    const bool rates_positive =
        options.rate > 0 &&
        std::all_of(options.ramp.begin(), options.ramp.end(), [](double r) { return r > 0; });
    if (options.agents == 0 || options.chats_per_agent == 0 || options.chats_per_agent > 100 ||
        options.client_threads < 1 || options.client_threads > 2 || !rates_positive ||
        options.seconds.count() <= 0) {
        std::fprintf(stderr,
                     "server_bench: agents and chats per agent (1 to 100) must be "
                     "positive, client threads 1 or 2, rates and seconds positive\n");
        return std::nullopt;
    }
    return options;
}

// [SECTION] Child processes

// A server started by the bench: stdout comes back through a pipe (for its listening line),
// stderr goes to a log file.
class ChildProcess {
public:
    ChildProcess() = default;
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ~ChildProcess() { stop(Seconds(0)); }

    bool start(const std::string& binary, const std::vector<std::string>& args,
               const std::filesystem::path& log, std::string& error) {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC) != 0) {
            error = "pipe failed";
            return false;
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(),
                                         O_WRONLY | O_CREAT | O_TRUNC, 0644);
        std::vector<std::string> words = {binary};
        words.insert(words.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (std::string& word : words) {
            argv.push_back(word.data());
        }
        argv.push_back(nullptr);
        const int spawned =
            posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        close(fds[1]);
        out_ = fds[0];
        if (spawned != 0) {
            error = "cannot start " + binary + ": " + std::strerror(spawned);
            pid_ = -1;
            return false;
        }
        return true;
    }

    pid_t pid() const { return pid_; }

    bool running() {
        if (pid_ < 0) {
            return false;
        }
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            status_ = describe(status);
            return false;
        }
        return true;
    }

    const std::string& exit_status() const { return status_; }

    // The next line of stdout; nothing once `limit` passes or stdout ends.
    std::optional<std::string> read_line(std::chrono::steady_clock::time_point limit) {
        for (;;) {
            if (const auto newline = pending_.find('\n'); newline != std::string::npos) {
                std::string line = pending_.substr(0, newline);
                pending_.erase(0, newline + 1);
                return line;
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                limit - std::chrono::steady_clock::now());
            pollfd ready{out_, POLLIN, 0};
            if (left.count() <= 0 || poll(&ready, 1, static_cast<int>(left.count())) <= 0) {
                return std::nullopt;
            }
            char chunk[4096];
            const ssize_t got = read(out_, chunk, sizeof chunk);
            if (got <= 0) {
                return std::nullopt;
            }
            pending_.append(chunk, static_cast<std::size_t>(got));
        }
    }

    // From now on stdout is read and dropped, so the child never blocks writing it.
    void drain() {
        drainer_ = std::thread([fd = out_] {
            char chunk[4096];
            while (read(fd, chunk, sizeof chunk) > 0) {
            }
        });
    }

    // SIGTERM, then up to `grace` for an orderly exit, then SIGKILL. Seconds it took.
    double stop(Seconds grace) {
        const auto started = std::chrono::steady_clock::now();
        if (running()) {
            kill(pid_, grace.count() > 0 ? SIGTERM : SIGKILL);
            while (running() && std::chrono::steady_clock::now() - started < grace) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
            if (running()) {
                kill(pid_, SIGKILL);
                int status = 0;
                waitpid(pid_, &status, 0);
                pid_ = -1;
                status_ = "killed after " + std::to_string(grace.count()) + " s";
            }
        }
        if (drainer_.joinable()) {
            drainer_.join();
        }
        if (out_ >= 0) {
            close(out_);
            out_ = -1;
        }
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    }

private:
    static std::string describe(int status) {
        if (WIFEXITED(status)) {
            return "exit status " + std::to_string(WEXITSTATUS(status));
        }
        if (WIFSIGNALED(status)) {
            return std::string("killed by signal ") + strsignal(WTERMSIG(status));
        }
        return "ended";
    }

    pid_t pid_ = -1;
    int out_ = -1;
    std::string pending_;
    std::string status_;
    std::thread drainer_;
};

// "… listening on http://127.0.0.1:40123 (…": the endpoint, or nothing.
std::optional<tcp::endpoint> listening_endpoint(const std::string& line) {
    constexpr std::string_view marker = "listening on http://";
    const auto at = line.find(marker);
    if (at == std::string::npos) {
        return std::nullopt;
    }
    const std::string address =
        line.substr(at + marker.size(), line.find(' ', at + marker.size()) - (at + marker.size()));
    const auto colon = address.rfind(':');
    boost::system::error_code error;
    const auto ip = boost::asio::ip::make_address(address.substr(0, colon), error);
    if (colon == std::string::npos || error) {
        return std::nullopt;
    }
    return tcp::endpoint(ip, static_cast<unsigned short>(std::stoul(address.substr(colon + 1))));
}

// Reads stdout up to the listening line and, with `demo`, up to the last demo account
// ("chen / chen-demo"), collecting the lines.
std::optional<tcp::endpoint> wait_until_ready(ChildProcess& child, bool demo,
                                              std::vector<std::string>& lines) {
    const auto limit = std::chrono::steady_clock::now() + Seconds(120);
    std::optional<tcp::endpoint> endpoint;
    while (const auto line = child.read_line(limit)) {
        lines.push_back(*line);
        if (!endpoint) {
            endpoint = listening_endpoint(*line);
        }
        if (endpoint && (!demo || line->find("chen / chen-demo") != std::string::npos)) {
            return endpoint;
        }
    }
    return std::nullopt;
}

// The demo's admin account from a line "  admin / admin-demo  (admin)".
std::optional<std::pair<std::string, std::string>> admin_account(
    const std::vector<std::string>& lines) {
    for (const std::string& line : lines) {
        std::istringstream words(line);
        std::string id, slash, password, role;
        if (words >> id >> slash >> password >> role && slash == "/" && role == "(admin)") {
            return std::pair(id, password);
        }
    }
    return std::nullopt;
}

std::string last_lines(const std::filesystem::path& log, std::size_t count) {
    std::ifstream file(log);
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(file, line)) {
        lines.push_back(line);
    }
    std::string out;
    for (std::size_t i = lines.size() > count ? lines.size() - count : 0; i < lines.size(); ++i) {
        out += "      " + lines[i] + "\n";
    }
    return out;
}

// Warnings and errors in a server log: how many, and the first few.
std::vector<std::string> log_findings(const std::filesystem::path& log) {
    std::ifstream file(log);
    std::vector<std::string> found;
    std::size_t count = 0;
    std::string line;
    while (std::getline(file, line)) {
        if (line.find(" warning ") != std::string::npos ||
            line.find(" error ") != std::string::npos) {
            if (++count <= 5) {
                found.push_back("server log: " + line);
            }
        }
    }
    if (count > 5) {
        found.push_back("server log: " + std::to_string(count - 5) + " more warnings/errors");
    }
    return found;
}

// [SECTION] Parley run

// Parley's own figures from GET /metrics: the group commit and the command pipeline.
struct StoreFigures {
    double commits = 0;
    double commit_seconds = 0;
    double jobs = 0;
    double commands = 0;
    double command_seconds = 0;
};

// The bench's server reads its /metrics to this bearer token.
constexpr const char* kMetricsToken = "bench-metrics";

std::optional<StoreFigures> store_figures(boost::asio::io_context& io,
                                          const tcp::endpoint& server) {
    const auto series = read_metrics(io, server, kMetricsToken);
    if (!series) {
        return std::nullopt;
    }
    const auto value = [&](const char* name) {
        const auto found = series->find(name);
        return found == series->end() ? 0.0 : found->second;
    };
    return StoreFigures{value("parley_store_commit_seconds_count"),
                        value("parley_store_commit_seconds_sum"),
                        value("parley_store_commit_jobs_total"),
                        value("parley_command_seconds_count"), value("parley_command_seconds_sum")};
}

StoreFigures operator-(const StoreFigures& after, const StoreFigures& before) {
    return {after.commits - before.commits, after.commit_seconds - before.commit_seconds,
            after.jobs - before.jobs, after.commands - before.commands,
            after.command_seconds - before.command_seconds};
}

struct Report {
    std::string name;
    bool ran = false;
    std::string failure;  // why the run stopped early
    std::size_t connections = 0;
    double rss_before_mib = 0;
    double rss_after_mib = 0;
    double idle_cores = 0;  // server CPU with every connection open and no traffic
    std::vector<PhaseResult> phases;
    std::vector<std::optional<StoreFigures>> store;  // Parley only, one per phase
    std::vector<std::string> notes;
};

// printf, flushed at once: the output is watched live and teed to a file.
[[gnu::format(printf, 1, 2)]] void say(const char* format, ...) {
    va_list values;
    va_start(values, format);
    std::vprintf(format, values);
    va_end(values);
    std::fflush(stdout);
}

class Stopwatch {
public:
    double seconds() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }

private:
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// Kept up: delivered within 2% of the offered rate, nothing refused, lost or dropped, and no
// backlog worth the name (a p99 of a second means a queue built up and drained).
bool sustained(const PhaseResult& phase) {
    return phase.delivered_rate >= 0.98 * phase.offered && phase.rejected == 0 &&
           phase.undelivered == 0 && phase.disconnects == 0 && phase.latency.p99_ms < 1000;
}

void print_phase(const Report& report, const PhaseResult& phase) {
    say("  %s: offered %.0f/s -> delivered %.0f/s, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms; "
        "server %.2f cores, client %.2f cores%s\n",
        report.name.c_str(), phase.offered, phase.delivered_rate, phase.latency.p50_ms,
        phase.latency.p99_ms, phase.latency.p999_ms, phase.server_cores, phase.client_cores,
        sustained(phase) ? "" : "  (not sustained)");
}

// Server CPU over a few seconds with every connection open and nothing sent.
double idle_cores(pid_t server) {
    const double before = cpu_seconds(server);
    std::this_thread::sleep_for(Seconds(3));
    return (cpu_seconds(server) - before) / 3.0;
}

// Every rate, lowest first, so no phase inherits the backlog of a faster one: the ramp's
// rates and the main one (which alone has the longer warm-up and window), then steps of +50%
// while sustained. A phase that leaves a backlog, loses messages or connections, or delivers
// under 90% ends the run (a later phase would measure the backlog), as does the server's
// death.
// With `metrics`, Parley's pipeline figures are read around each phase.
void run_phases(LoadGenerator& generator, const Options& options, ChildProcess& server,
                Report& report, const tcp::endpoint* metrics) {
    const Seconds drain(15);
    report.idle_cores = idle_cores(server.pid());
    say("  %s: idle with %zu connections: %.3f server cores\n", report.name.c_str(),
        report.connections, report.idle_cores);
    std::vector<double> rates = options.ramp;
    rates.push_back(options.rate);
    std::sort(rates.begin(), rates.end());
    rates.erase(std::unique(rates.begin(), rates.end()), rates.end());
    for (std::size_t step = 0; step < rates.size(); ++step) {
        const double rate = rates[step];
        const bool main = rate == options.rate;
        const auto store_before = metrics ? store_figures(generator.io(), *metrics) : std::nullopt;
        const pid_t pid = server.pid();
        PhaseSpec spec;
        spec.rate = rate;
        spec.warmup = main ? options.warmup : options.ramp_warmup;
        spec.measure = main ? options.seconds : options.ramp_seconds;
        spec.drain = drain;
        report.phases.push_back(generator.run_phase(spec, [pid] {
            return std::optional(ServerReading{cpu_seconds(pid), rss_mib(pid)});
        }));
        const auto store_after = metrics ? store_figures(generator.io(), *metrics) : std::nullopt;
        report.store.push_back(store_before && store_after
                                   ? std::optional(*store_after - *store_before)
                                   : std::nullopt);
        print_phase(report, report.phases.back());
        if (!server.running()) {
            report.failure = "the server ended during the phase at " +
                             std::to_string(std::lround(rate)) + " msg/s (" + server.exit_status() +
                             ")";
            return;
        }
        const PhaseResult& phase = report.phases.back();
        if (phase.undelivered != 0 || phase.disconnects != 0 ||
            phase.delivered_rate < 0.9 * phase.offered) {
            if (step + 1 < rates.size()) {
                say("  %s: higher rates skipped: at %.0f msg/s the server fell behind\n",
                    report.name.c_str(), rate);
            }
            return;
        }
        if (step + 1 == rates.size() && sustained(phase) && rate * 1.5 <= options.ramp_max) {
            rates.push_back(rate * 1.5);
        }
    }
}

// The main phase, or the last one run when it was skipped.
const PhaseResult& headline(const Report& report, const Options& options) {
    for (const PhaseResult& phase : report.phases) {
        if (phase.offered == options.rate) {
            return phase;
        }
    }
    return report.phases.back();
}

std::filesystem::path make_temp_dir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "parley-bench-XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
        throw std::runtime_error("cannot create a temporary folder");
    }
    return pattern;
}

void run_parley(const Options& options, Report& report) {
    report.name = "parley";
    const std::filesystem::path folder = make_temp_dir();
    const std::filesystem::path log = folder / "server.log";
    ChildProcess server;
    std::string error;
    // Limits high enough that the bench's single address never meets them.
    std::vector<std::string> args = {"--listen", "127.0.0.1:0", "--demo"};
    args.insert(args.end(), {"--data-dir", (folder / "data").string()});
    args.insert(args.end(), {"--web-root", folder.string()});
    args.insert(args.end(), {"--ip-requests-per-second", "1000000"});
    args.insert(args.end(), {"--commands-per-second", "1000000"});
    args.insert(args.end(), {"--connections-per-address", "1000000"});
    args.insert(args.end(), {"--metrics-token", kMetricsToken});
    args.insert(args.end(), {"--chat-starts-per-address", "1000000"});
    if (options.server_threads != 0) {
        args.insert(args.end(), {"--threads", std::to_string(options.server_threads)});
    }
    // An early end keeps the data folder and its server.log for a look.
    const auto finish = [&](std::string failure) {
        report.failure = std::move(failure) + " (data and log kept in " + folder.string() + ")";
        if (!server.running()) {
            report.failure += "\n    the server ended (" + server.exit_status() +
                              "); its log ends:\n" + last_lines(log, 8);
        }
    };
    if (!server.start(options.server_binary, args, log, error)) {
        return finish(error);
    }
    std::vector<std::string> lines;
    const auto endpoint = wait_until_ready(server, true, lines);
    const auto admin = admin_account(lines);
    if (!endpoint || !admin) {
        return finish("the server did not print its listening line and demo accounts");
    }
    server.drain();
    report.ran = true;
    say("  parley: server pid %d listening on %s:%u, data in %s\n", server.pid(),
        endpoint->address().to_string().c_str(), endpoint->port(), folder.c_str());

    LoadGenerator generator(Target::parley, *endpoint, options.client_threads, options.text_bytes);
    FloorSpec spec;
    spec.admin_id = admin->first;
    spec.admin_password = admin->second;
    spec.agent_prefix = "bench-agent";
    spec.agent_password = "bench-agent-password";
    spec.agents = options.agents;
    spec.customers = options.agents * options.chats_per_agent;
    spec.capacity = static_cast<int>(options.chats_per_agent + 1);
    spec.accept_window = options.accept_window;
    spec.connect_batch = options.connect_batch;
    Floor floor(generator, *endpoint, spec,
                [](const std::string& line) { say("  parley: %s\n", line.c_str()); });
    if (auto failed = floor.sign_in_admin()) {
        return finish(*failed);
    }
    if (auto failed = floor.create_agents()) {
        return finish(*failed);
    }
    // Connections: memory is read before the first WebSocket and after the last.
    report.rss_before_mib = rss_mib(server.pid());
    for (auto step : {&Floor::connect_agents, &Floor::connect_customers, &Floor::accept_chats}) {
        if (auto failed = (floor.*step)()) {
            return finish(*failed);
        }
    }
    if (floor.accepts_refused() != 0) {
        report.notes.push_back(std::to_string(floor.accepts_refused()) +
                               " accept_chat commands were refused; "
                               "those customers' messages have no agent to reach");
    }
    // Let the accept fan-out settle before the memory reading.
    std::this_thread::sleep_for(Seconds(2));
    report.rss_after_mib = rss_mib(server.pid());
    report.connections = generator.connections();

    run_phases(generator, options, server, report, &*endpoint);
    generator.closing();
    for (const std::string& problem : generator.problems()) {
        report.notes.push_back(problem);
    }
    const double stop_seconds = server.stop(Seconds(180));
    say("  parley: server stopped in %.1f s (%s)\n", stop_seconds, server.exit_status().c_str());
    for (std::string& finding : log_findings(log)) {
        report.notes.push_back(std::move(finding));
    }
    if (options.keep_data) {
        report.notes.push_back("data kept in " + folder.string());
    } else {
        std::error_code ignored;
        std::filesystem::remove_all(folder, ignored);
    }
}

// [SECTION] Ceiling run

void run_ceiling(const Options& options, Report& report) {
    report.name = "ceiling";
    const std::filesystem::path folder = make_temp_dir();
    ChildProcess server;
    std::string error;
    std::vector<std::string> args = {"--listen", "127.0.0.1:0"};
    if (options.server_threads != 0) {
        args.insert(args.end(), {"--threads", std::to_string(options.server_threads)});
    }
    std::vector<std::string> lines;
    std::optional<tcp::endpoint> endpoint;
    if (server.start(options.echo_binary, args, folder / "echo.log", error)) {
        endpoint = wait_until_ready(server, false, lines);
    }
    if (!endpoint) {
        report.failure = error.empty() ? "the echo server did not print its listening line" : error;
        return;
    }
    server.drain();
    report.ran = true;
    say("  ceiling: echo server pid %d listening on %s:%u\n", server.pid(),
        endpoint->address().to_string().c_str(), endpoint->port());

    // The same connections as Parley's run: agents (idle here) and customers (who send).
    const std::size_t customers = options.agents * options.chats_per_agent;
    std::vector<SessionSpec> specs(options.agents + customers);
    for (std::size_t i = 0; i < specs.size(); ++i) {
        specs[i].agent = i < options.agents;
        specs[i].chat = "cht_echo" + std::to_string(i + 1);
    }
    LoadGenerator generator(Target::echo, *endpoint, options.client_threads, options.text_bytes);
    report.rss_before_mib = rss_mib(server.pid());
    Stopwatch step;
    if (!generator.connect(std::move(specs), 200, Seconds(60), error)) {
        report.failure = "WebSockets: " + error;
        return;
    }
    say("  ceiling: %zu connections in %.1f s\n", options.agents + customers, step.seconds());
    std::this_thread::sleep_for(Seconds(1));
    report.rss_after_mib = rss_mib(server.pid());
    report.connections = generator.connections();
    run_phases(generator, options, server, report, nullptr);
    generator.closing();
    for (const std::string& problem : generator.problems()) {
        report.notes.push_back(problem);
    }
    server.stop(Seconds(10));
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
}

// [SECTION] Report

std::string or_dash(double value, const char* format, bool present) {
    if (!present) {
        return "-";
    }
    char text[32];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

void print_tables(const std::vector<const Report*>& reports) {
    say("\nThroughput and latency (the messages sent in the measured window, followed until "
        "delivered;\nParley's latency is a customer's send to the agent's receipt of "
        "message_posted, which leaves\nthe server after the durable commit; the ceiling's is "
        "send to echo receipt)\n");
    say("%-8s %6s %9s %9s %9s %9s %8s %8s %8s %8s %8s %4s\n", "target", "conns", "offered/s",
        "sent/s", "deliv/s", "acks/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "ack p99", "ok");
    for (const Report* report : reports) {
        const bool parley = report->name == "parley";
        for (const PhaseResult& phase : report->phases) {
            say("%-8s %6zu %9.0f %9.0f %9.0f %9s %8.2f %8.2f %8.2f %8.1f %8s %4s\n",
                report->name.c_str(), report->connections, phase.offered, phase.sent_rate,
                phase.delivered_rate, or_dash(phase.ack_rate, "%.0f", parley).c_str(),
                phase.latency.p50_ms, phase.latency.p99_ms, phase.latency.p999_ms,
                phase.latency.max_ms, or_dash(phase.ack_latency.p99_ms, "%.2f", parley).c_str(),
                sustained(phase) ? "yes" : "no");
        }
    }
    say("\nResources (measured window; cores = CPU seconds per second; the machine figure is "
        "every\nprocess, this client included)\n");
    say("%-8s %9s %8s %9s %8s %8s %9s %8s %7s\n", "target", "offered/s", "server", "us/msg",
        "client", "machine", "lag ms", "lost", "dropped");
    for (const Report* report : reports) {
        for (const PhaseResult& phase : report->phases) {
            const double per_message =
                phase.delivered_rate > 0 ? phase.server_cores * 1e6 / phase.delivered_rate : 0;
            say("%-8s %9.0f %8.2f %9.1f %8.2f %8.2f %9.1f %8llu %7llu\n", report->name.c_str(),
                phase.offered, phase.server_cores, per_message, phase.client_cores,
                phase.machine_cores, phase.pacer_lag_ms,
                static_cast<unsigned long long>(phase.undelivered),
                static_cast<unsigned long long>(phase.disconnects));
        }
    }
    say("  (us/msg: server CPU microseconds per delivered message; lag: the most the sender fell "
        "behind\n   schedule; lost: sent but neither delivered nor refused after the drain; "
        "dropped: connections lost)\n");
    for (const Report* report : reports) {
        if (std::none_of(report->store.begin(), report->store.end(),
                         [](const auto& figures) { return figures.has_value(); })) {
            continue;
        }
        say("\n%s's pipeline (GET /metrics around each phase, warm-up and drain included)\n",
            report->name.c_str());
        say("%-8s %9s %9s %12s %10s %11s\n", "target", "offered/s", "commits", "jobs/commit",
            "commit ms", "command ms");
        for (std::size_t i = 0; i < report->store.size(); ++i) {
            if (const auto& figures = report->store[i]) {
                const auto mean_ms = [](double seconds, double count) {
                    return count > 0 ? seconds * 1e3 / count : 0.0;
                };
                say("%-8s %9.0f %9.0f %12.1f %10.2f %11.2f\n", report->name.c_str(),
                    report->phases[i].offered, figures->commits,
                    figures->commits > 0 ? figures->jobs / figures->commits : 0,
                    mean_ms(figures->commit_seconds, figures->commits),
                    mean_ms(figures->command_seconds, figures->commands));
            }
        }
        say("  (commit ms: one group commit, fsync included; command ms: a command's arrival at "
            "the\n   authority to its durable reply, as the server measures it)\n");
    }
    say("\nMemory (server VmRSS before the first WebSocket and after the last; for Parley "
        "the growth\nalso holds the customers' chats, started in between, and what the "
        "allocator kept after the\nfirst syncs: an upper bound per connection)\n");
    say("%-8s %6s %11s %10s %10s %11s\n", "target", "conns", "before MiB", "after MiB", "KiB/conn",
        "idle cores");
    for (const Report* report : reports) {
        const double per_connection = report->connections > 0
                                          ? (report->rss_after_mib - report->rss_before_mib) *
                                                1024.0 / static_cast<double>(report->connections)
                                          : 0;
        say("%-8s %6zu %11.1f %10.1f %10.1f %11.3f\n", report->name.c_str(), report->connections,
            report->rss_before_mib, report->rss_after_mib, per_connection, report->idle_cores);
    }
}

// The highest offered rate sustained, and whether it was the highest tried.
std::pair<double, bool> best_sustained(const Report& report) {
    double best = 0;
    double tried = 0;
    for (const PhaseResult& phase : report.phases) {
        tried = std::max(tried, phase.offered);
        if (sustained(phase)) {
            best = std::max(best, phase.offered);
        }
    }
    return {best, best > 0 && best >= tried};
}

const char* met(bool yes) {
    return yes ? "met" : "NOT met";
}

const PhaseResult* phase_at(const Report& report, double rate) {
    for (const PhaseResult& phase : report.phases) {
        if (phase.offered == rate) {
            return &phase;
        }
    }
    return nullptr;
}

// Whether the first phase a run did not sustain was lost by the client: its thread busy, or
// its sender late on the schedule.
bool client_gave_out(const Report& report, const Options& options) {
    for (const PhaseResult& phase : report.phases) {
        if (!sustained(phase)) {
            return phase.client_cores >= 0.85 * options.client_threads || phase.pacer_lag_ms > 100;
        }
    }
    return false;
}

double cpu_per_message(const PhaseResult& phase) {
    return phase.server_cores / std::max(1.0, phase.delivered_rate);
}

void print_verdict(const Options& options, const Report& parley, const Report* ceiling) {
    const PhaseResult& ours = headline(parley, options);
    const PhaseResult* echo = ceiling ? phase_at(*ceiling, ours.offered) : nullptr;
    const auto [parley_best, parley_top] = best_sustained(parley);
    say("\nRatios\n");
    if (echo) {
        say("  at %.0f msg/s offered: ceiling delivered / Parley delivered = %.2f\n", ours.offered,
            ours.delivered_rate > 0 ? echo->delivered_rate / ours.delivered_rate : 0);
        say("  at %.0f msg/s offered: Parley p99 / ceiling p99 = %.2f (%.2f ms / %.2f ms)\n",
            ours.offered, echo->latency.p99_ms > 0 ? ours.latency.p99_ms / echo->latency.p99_ms : 0,
            ours.latency.p99_ms, echo->latency.p99_ms);
        say("  at %.0f msg/s offered: server CPU per message, Parley / ceiling = %.2f (%.1f us / "
            "%.1f us)\n",
            ours.offered,
            cpu_per_message(*echo) > 0 ? cpu_per_message(ours) / cpu_per_message(*echo) : 0,
            cpu_per_message(ours) * 1e6, cpu_per_message(*echo) * 1e6);
    } else {
        say("  no ceiling phase at %.0f msg/s to compare with\n", ours.offered);
    }
    double ratio = 0;
    bool ratio_is_floor = false;
    if (ceiling && !ceiling->phases.empty()) {
        const auto [echo_best, echo_top] = best_sustained(*ceiling);
        ratio = parley_best > 0 ? echo_best / parley_best : 0;
        // The ceiling's limit was not found when it sustained everything tried or the client
        // gave out before the echo server did: the ratio is then at least this.
        ratio_is_floor = echo_top || client_gave_out(*ceiling, options);
        if (parley_best > 0) {
            say("  highest rate sustained: ceiling %s%.0f msg/s, Parley %s%.0f msg/s -> ceiling / "
                "Parley %s%.2f\n",
                ratio_is_floor ? ">= " : "", echo_best, parley_top ? ">= " : "", parley_best,
                ratio_is_floor ? ">= " : "", ratio);
        } else {
            say("  highest rate sustained: ceiling %s%.0f msg/s, Parley none of the rates tried\n",
                ratio_is_floor ? ">= " : "", echo_best);
        }
        say("  (sustained: delivered >= 98%% of offered, nothing refused, lost or dropped, p99 "
            "under 1 s;\n   \">=\": that run's limit was not reached, by the ramp or because "
            "the client gave out first)\n");
    }

    say("\nAims (issue: at 10,000 connections on 2 cores, over 20,000 durable msg/s, p99 under "
        "20 ms,\nwithin 3x of the ceiling)\n");
    const std::size_t wanted = options.agents * (options.chats_per_agent + 1);
    const bool full_size = parley.connections >= 10000;
    say("  %-28s %-8s %zu open of %zu planned%s\n", "10,000 open connections", met(full_size),
        parley.connections, wanted, wanted < 10000 ? " (this run plans fewer)" : "");
    say("  %-28s %-8s highest rate sustained %.0f msg/s (%.0f/s delivered at %.0f offered)\n",
        "over 20,000 durable msg/s", met(full_size && parley_best >= 20000), parley_best,
        ours.delivered_rate, ours.offered);
    say("  %-28s %-8s p99 %.2f ms at %.0f msg/s offered\n", "p99 under 20 ms",
        met(full_size && ours.offered >= 20000 && ours.latency.p99_ms < 20), ours.latency.p99_ms,
        ours.offered);
    if (ceiling && !ceiling->phases.empty()) {
        // A floor above 3 settles it; a floor below does not.
        const char* verdict = parley_best > 0 && ratio <= 3.0 ? "met" : "NOT met";
        if (ratio_is_floor && ratio <= 3.0 && parley_best > 0) {
            verdict = "unknown";
        }
        say("  %-28s %-8s highest sustained rate, ceiling / Parley: %s%.2f%s\n",
            "within 3x of the ceiling", verdict, ratio_is_floor ? ">= " : "", ratio,
            ratio_is_floor && ratio <= 3.0 && parley_best > 0
                ? " (the ceiling's limit was not found)"
                : "");
    }
    const unsigned cores = std::thread::hardware_concurrency();
    say("  (the servers ran on a %u-core machine shared with this client%s)\n", cores,
        cores == 2 ? "" : ": not the 2 cores the aim names");
}

void print_notes(const std::vector<const Report*>& reports, const Options& options) {
    say("\nNotes\n");
    std::size_t printed = 0;
    for (const Report* report : reports) {
        for (const PhaseResult& phase : report->phases) {
            if (phase.client_cores >= 0.85 * options.client_threads) {
                say("  %s at %.0f/s: the client used %.2f of its %u thread(s): the client was "
                    "the bottleneck\n",
                    report->name.c_str(), phase.offered, phase.client_cores,
                    options.client_threads);
                ++printed;
            }
            if (phase.pacer_lag_ms > 50) {
                say("  %s at %.0f/s: the sender fell %.0f ms behind its schedule\n",
                    report->name.c_str(), phase.offered, phase.pacer_lag_ms);
                ++printed;
            }
            for (const auto& [code, count] : phase.rejections) {
                say("  %s at %.0f/s: %llu messages refused with %s\n", report->name.c_str(),
                    phase.offered, static_cast<unsigned long long>(count), code.c_str());
                ++printed;
            }
        }
        std::string busy;
        const double cores = std::thread::hardware_concurrency();
        for (const PhaseResult& phase : report->phases) {
            if (phase.machine_cores >= 0.9 * cores) {
                busy += (busy.empty() ? "" : ", ") + std::to_string(std::lround(phase.offered));
            }
        }
        if (!busy.empty()) {
            say("  %s: the machine was over 90%% busy at %s msg/s (server, client and any "
                "other process): CPU-bound\n",
                report->name.c_str(), busy.c_str());
            ++printed;
        }
        for (const std::string& note : report->notes) {
            say("  %s: %s\n", report->name.c_str(), note.c_str());
            ++printed;
        }
        if (!report->failure.empty()) {
            say("  %s: STOPPED EARLY: %s\n", report->name.c_str(), report->failure.c_str());
            ++printed;
        }
    }
    if (printed == 0) {
        say("  nothing unusual\n");
    }
}

}  // namespace
}  // namespace parley::bench

int main(int argc, char** argv) {
    using namespace parley::bench;
    const auto options = parse_options(argc, argv);
    if (!options) {
        return 2;
    }
    if (options->help) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    raise_descriptor_limit();
    std::signal(SIGPIPE, SIG_IGN);
    rlimit files{};
    getrlimit(RLIMIT_NOFILE, &files);
    const std::size_t customers = options->agents * options->chats_per_agent;
    const std::size_t connections = customers + options->agents;
    if (files.rlim_cur < connections + 100) {
        std::fprintf(stderr,
                     "server_bench: %zu connections need more descriptors than the "
                     "limit of %llu (ulimit -n)\n",
                     connections, static_cast<unsigned long long>(files.rlim_cur));
        return 1;
    }

    const MachineCpu idle_before = machine_cpu();
    std::this_thread::sleep_for(std::chrono::seconds(1));
    const MachineCpu idle_after = machine_cpu();
    say("server_bench: %zu agents x %zu chats = %zu customers + %zu agents = %zu WebSockets; "
        "%zu-byte texts\n",
        options->agents, options->chats_per_agent, customers, options->agents, connections,
        options->text_bytes);
    say("  main phase %.0f msg/s offered (%llds warm-up, %llds measured); ramp:", options->rate,
        static_cast<long long>(options->warmup.count()),
        static_cast<long long>(options->seconds.count()));
    for (const double rate : options->ramp) {
        say(" %.0f", rate);
    }
    say(" msg/s (%llds each); client: %u io thread(s); machine: %u cores, %.2f busy before "
        "start\n",
        static_cast<long long>(options->ramp_seconds.count()), options->client_threads,
        std::thread::hardware_concurrency(), idle_after.busy - idle_before.busy);

    Report ceiling;
    Report parley;
    try {
        if (options->run_ceiling) {
            say("\n== ceiling: echo_ceiling_server (same stack, no core, no store)\n");
            run_ceiling(*options, ceiling);
        }
        if (options->run_parley) {
            say("\n== parley: parley-server (durable commit, fan-out to the agent)\n");
            run_parley(*options, parley);
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "server_bench: %s\n", error.what());
        return 1;
    }

    std::vector<const Report*> reports;
    for (const Report* report : {&ceiling, &parley}) {
        if (report->ran && !report->phases.empty()) {
            reports.push_back(report);
        }
    }
    print_tables(reports);
    if (!parley.phases.empty()) {
        print_verdict(*options, parley, ceiling.phases.empty() ? nullptr : &ceiling);
    }
    std::vector<const Report*> all;
    for (const Report* report : {&ceiling, &parley}) {
        if (report->ran || !report->failure.empty()) {
            all.push_back(report);
        }
    }
    print_notes(all, *options);
    return 0;
}
