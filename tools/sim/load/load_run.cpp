#include "sim/load/load_run.h"

#include <sys/resource.h>

#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <thread>

#include "sim/load/floor.h"
#include "sim/load/process_figures.h"
#include "sim/load/server_metrics.h"
#include "sim/simulation.h"

namespace parley::sim {
namespace {

using Seconds = std::chrono::seconds;
using tcp = boost::asio::ip::tcp;

// Two runs against the same server never share agent ids or passwords.
std::string random_hex(std::size_t digits) {
    std::random_device random;
    std::string text;
    constexpr const char* kHex = "0123456789abcdef";
    for (std::size_t i = 0; i < digits; ++i) {
        text += kHex[random() % 16];
    }
    return text;
}

Seconds whole_seconds(double seconds) {
    return Seconds(static_cast<long long>(std::ceil(seconds)));
}

std::string format(const char* pattern, double value) {
    char text[64];
    std::snprintf(text, sizeof text, pattern, value);
    return text;
}

std::optional<double> server_rss(boost::asio::io_context& io, const tcp::endpoint& server,
                                 const std::string& token) {
    const auto metrics = load::read_metrics(io, server, token);
    const auto reading = metrics ? load::server_reading(*metrics) : std::nullopt;
    return reading ? std::optional(reading->rss_mib) : std::nullopt;
}

void print_direction(std::ostream& out, const char* name, double offered, double sent,
                     double delivered, const load::Percentiles& latency, std::uint64_t refused,
                     std::uint64_t undelivered) {
    char line[256];
    std::snprintf(line, sizeof line,
                  "  %-18s %9.1f %8.1f %11.1f %8.2f %8.2f %9.2f %8.2f %8llu %11llu\n", name,
                  offered, sent, delivered, latency.p50_ms, latency.p99_ms, latency.p999_ms,
                  latency.max_ms, static_cast<unsigned long long>(refused),
                  static_cast<unsigned long long>(undelivered));
    out << line;
}

}  // namespace

std::variant<LoadReport, std::string> run_load(const LoadOptions& options,
                                               const std::function<void(const std::string&)>& say) {
    load::raise_descriptor_limit();
    rlimit files{};
    getrlimit(RLIMIT_NOFILE, &files);
    const std::size_t connections = options.customers + options.agents;
    if (files.rlim_cur < connections + 100) {
        return std::to_string(connections) +
               " connections need more file descriptors than the "
               "limit of " +
               std::to_string(files.rlim_cur) + " (ulimit -n).";
    }
    boost::asio::io_context resolving;
    const auto resolved = resolve_server_url(resolving, options.server);
    if (const auto* error = std::get_if<std::string>(&resolved)) {
        return *error;
    }
    const tcp::endpoint server = std::get<tcp::endpoint>(resolved);

    load::LoadGenerator generator(load::Target::parley, server, options.threads,
                                  options.text_bytes);
    auto& io = generator.io();
    const auto health =
        load::run_http(io, server, {{boost::beast::http::verb::get, "/healthz", "", ""}}, 1);
    if (health.front().status != 200) {
        return "No parley-server answered at " + options.server + " (" +
               (health.front().status == 0 ? health.front().error
                                           : "HTTP " + std::to_string(health.front().status)) +
               ").";
    }

    load::FloorSpec spec;
    spec.admin_id = options.admin;
    spec.admin_password = options.admin_password;
    spec.queue = options.queue;
    spec.agent_prefix = "load-" + random_hex(8);
    spec.agent_password = random_hex(32);
    spec.agents = options.agents;
    spec.customers = options.customers;
    spec.capacity = static_cast<int>((options.customers + options.agents - 1) / options.agents);
    spec.requests_per_second = options.setup_rate;
    load::Floor floor(generator, server, spec, say);
    LoadReport report;
    if (auto failed = floor.sign_in_admin()) {
        return *failed;
    }
    if (auto failed = floor.create_agents()) {
        return *failed;
    }
    report.rss_before_mib = server_rss(io, server, floor.admin_token());
    for (auto step : {&load::Floor::connect_agents, &load::Floor::connect_customers,
                      &load::Floor::accept_chats}) {
        if (auto failed = (floor.*step)()) {
            return *failed;
        }
    }
    report.accepts_refused = floor.accepts_refused();
    report.rss_connected_mib = server_rss(io, server, floor.admin_token());
    report.connections = generator.connections();

    say("measuring: " + format("%.0f", options.warmup_seconds) + " s warm-up, " +
        format("%.0f", options.duration_seconds) + " s measured");
    load::PhaseSpec phase;
    phase.rate = options.rate;
    phase.reply_rate = options.reply_rate;
    phase.warmup = whole_seconds(options.warmup_seconds);
    phase.measure = whole_seconds(options.duration_seconds);
    phase.drain = whole_seconds(options.drain_seconds);
    report.phase = generator.run_phase(phase, [&]() -> std::optional<load::ServerReading> {
        const auto metrics = load::read_metrics(io, server, floor.admin_token());
        return metrics ? load::server_reading(*metrics) : std::nullopt;
    });
    if (!options.keep_chats) {
        report.closes_refused = generator.close_chats(4, Seconds(60));
        say(report.closes_refused ? "closed the chats (resolution category \"Load test\")"
                                  : "closing the chats: no answers for 60 s");
    }
    generator.closing();
    report.problems = generator.problems();
    return report;
}

bool load_had_errors(const LoadReport& report) {
    const load::PhaseResult& phase = report.phase;
    return phase.rejected + phase.reply_rejected + phase.undelivered + phase.reply_undelivered +
               phase.disconnects + report.accepts_refused !=
           0;
}

void print_load_report(const LoadReport& report, const LoadOptions& options, std::ostream& out) {
    const load::PhaseResult& phase = report.phase;
    out << "\nMessages sent in the " << format("%.0f", phase.seconds)
        << " s window, followed until delivered (latency: the sender's send to the other "
           "side's receipt)\n";
    char header[256];
    std::snprintf(header, sizeof header, "  %-18s %9s %8s %11s %8s %8s %9s %8s %8s %11s\n",
                  "direction", "offered/s", "sent/s", "delivered/s", "p50 ms", "p99 ms", "p99.9 ms",
                  "max ms", "refused", "undelivered");
    out << header;
    print_direction(out, "customer → agent", phase.offered, phase.sent_rate, phase.delivered_rate,
                    phase.latency, phase.rejected, phase.undelivered);
    print_direction(out, "agent → customer", phase.reply_offered, phase.reply_sent_rate,
                    phase.reply_delivered_rate, phase.reply_latency, phase.reply_rejected,
                    phase.reply_undelivered);
    out << "  durable acks of customer messages: " << format("%.1f", phase.ack_rate) << "/s, p50 "
        << format("%.2f", phase.ack_latency.p50_ms) << " ms, p99 "
        << format("%.2f", phase.ack_latency.p99_ms) << " ms\n";

    out << "\nServer (its GET /metrics): ";
    if (phase.server_read) {
        out << format("%.2f", phase.server_cores) << " cores over the window";
    } else {
        out << "no CPU figure (its /metrics has no process_cpu_seconds_total)";
    }
    if (report.rss_before_mib && report.rss_connected_mib && phase.server_read) {
        out << "; memory " << format("%.1f", *report.rss_before_mib) << " MiB before the "
            << "WebSockets, " << format("%.1f", *report.rss_connected_mib) << " MiB with all "
            << report.connections << " open, " << format("%.1f", phase.server_rss_mib)
            << " MiB at the window's end";
    }
    out << "\nThis client: " << format("%.2f", phase.client_cores) << " cores; the machine "
        << format("%.2f", phase.machine_cores) << " cores; the sender fell behind its schedule "
        << "by at most " << format("%.1f", phase.pacer_lag_ms) << " ms\n";

    out << "\nErrors: ";
    if (!load_had_errors(report) && report.problems.empty()) {
        out << "none";
    }
    out << "\n";
    if (report.accepts_refused != 0) {
        out << "  " << report.accepts_refused
            << " accept_chat refused (those chats had no agent)\n";
    }
    for (const auto& [code, count] : phase.rejections) {
        out << "  " << count << " messages refused: " << code << "\n";
    }
    if (phase.disconnects != 0) {
        out << "  " << phase.disconnects << " connections lost during the run\n";
    }
    for (const std::string& problem : report.problems) {
        out << "  " << problem << "\n";
    }
    if (report.closes_refused && *report.closes_refused != 0) {
        out << "  " << *report.closes_refused << " close_chat refused at the end\n";
    }
    if (options.keep_chats) {
        out << "The chats were left open (--keep-chats yes).\n";
    }
}

}  // namespace parley::sim
