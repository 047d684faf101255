// `parley-sim load` against a real server: its flags, both directions measured to the other
// side's receipt, the server's own CPU and memory read from its /metrics, and the chats
// closed at the end as the server records them.
#include <sstream>

#include "sim/load/load_run.h"
#include "sim/load/server_metrics.h"
#include "sim_test_support.h"

namespace parley::sim {
namespace {

using namespace testing;

std::string load_error_of(const std::vector<std::string>& args) {
    const ParsedLoadFlags parsed = parse_load_flags(args);
    const auto* error = std::get_if<LoadFlagError>(&parsed);
    return error == nullptr ? "" : error->message;
}

TEST(LoadOptions, ReadsEveryFlag) {
    const ParsedLoadFlags parsed = parse_load_flags({"--server=http://10.0.0.5:8080",
                                                     "--customers",
                                                     "500",
                                                     "--agents",
                                                     "25",
                                                     "--rate",
                                                     "300",
                                                     "--reply-rate",
                                                     "150",
                                                     "--warmup",
                                                     "2",
                                                     "--duration",
                                                     "30",
                                                     "--drain",
                                                     "5",
                                                     "--queue",
                                                     "Billing",
                                                     "--admin",
                                                     "root:secret",
                                                     "--text-bytes",
                                                     "200",
                                                     "--setup-rate",
                                                     "0",
                                                     "--threads",
                                                     "2",
                                                     "--keep-chats",
                                                     "yes"});
    ASSERT_TRUE(std::holds_alternative<LoadOptions>(parsed)) << load_error_of({});
    const auto& options = std::get<LoadOptions>(parsed);
    EXPECT_EQ(options.server, "http://10.0.0.5:8080");
    EXPECT_EQ(options.customers, 500u);
    EXPECT_EQ(options.agents, 25u);
    EXPECT_EQ(options.rate, 300);
    EXPECT_EQ(options.reply_rate, 150);
    EXPECT_EQ(options.warmup_seconds, 2);
    EXPECT_EQ(options.duration_seconds, 30);
    EXPECT_EQ(options.drain_seconds, 5);
    EXPECT_EQ(options.queue, "Billing");
    EXPECT_EQ(options.admin, "root");
    EXPECT_EQ(options.admin_password, "secret");
    EXPECT_EQ(options.text_bytes, 200u);
    EXPECT_EQ(options.setup_rate, 0);
    EXPECT_EQ(options.threads, 2u);
    EXPECT_TRUE(options.keep_chats);
    EXPECT_TRUE(std::holds_alternative<ShowLoadHelp>(parse_load_flags({"--help"})));
    EXPECT_NE(load_help_text().find("--reply-rate"), std::string::npos);
}

TEST(LoadOptions, BadFlagsSayWhatIsWrong) {
    EXPECT_EQ(load_error_of({"--customers", "2", "--agents", "3"}),
              "Give at least as many --customers as --agents: each agent needs a chat to answer "
              "in.");
    EXPECT_EQ(load_error_of({"--agents", "2.5"}),
              "--customers, --agents, --text-bytes and --threads take whole numbers.");
    EXPECT_EQ(load_error_of({"--threads", "3"}),
              "--threads must be a number from 1 to 2, not '3'.");
    EXPECT_EQ(load_error_of({"--keep-chats", "maybe"}),
              "--keep-chats takes yes or no, not 'maybe'.");
    EXPECT_EQ(load_error_of({"--rounds", "3"}),
              "Unknown option '--rounds' (see parley-sim load --help).");
    EXPECT_EQ(load_error_of({"--rate"}),
              "Option --rate needs a value (see parley-sim load --help).");
}

TEST(ServerMetrics, ReadsUnlabelledSeriesOnly) {
    const auto series = load::parse_metrics(
        "# HELP process_cpu_seconds_total CPU.\n"
        "# TYPE process_cpu_seconds_total gauge\n"
        "process_cpu_seconds_total 12.5\n"
        "process_resident_memory_bytes 2097152\n"
        "parley_queue_waiting{queue=\"General\"} 3\n"
        "broken\n");
    EXPECT_EQ(series.size(), 2u);
    const auto reading = load::server_reading(series);
    ASSERT_TRUE(reading.has_value());
    EXPECT_EQ(reading->cpu_seconds, 12.5);
    EXPECT_EQ(reading->rss_mib, 2.0);
    EXPECT_FALSE(load::server_reading({{"process_cpu_seconds_total", 1}}).has_value());
}

TEST(LoadMode, MeasuresBothDirectionsAndTheServerThenClosesTheChats) {
    TestServer server;
    LoadOptions options;
    options.server = "http://127.0.0.1:" + std::to_string(server.port());
    options.customers = 8;
    options.agents = 2;
    options.rate = 20;
    options.reply_rate = 10;
    options.warmup_seconds = 1;
    options.duration_seconds = 2;
    options.drain_seconds = 30;
    std::vector<std::string> said;
    auto ran = run_load(options, [&](const std::string& line) { said.push_back(line); });
    ASSERT_TRUE(std::holds_alternative<LoadReport>(ran)) << std::get<std::string>(ran);
    const LoadReport& report = std::get<LoadReport>(ran);
    const load::PhaseResult& phase = report.phase;

    EXPECT_EQ(report.connections, 10u);
    EXPECT_EQ(report.accepts_refused, 0u);
    EXPECT_GT(phase.latency.samples, 0u);
    EXPECT_GT(phase.reply_latency.samples, 0u);
    EXPECT_GT(phase.delivered_rate, 0);
    EXPECT_GT(phase.reply_delivered_rate, 0);
    EXPECT_EQ(phase.undelivered, 0u);
    EXPECT_EQ(phase.reply_undelivered, 0u);
    EXPECT_EQ(phase.rejected + phase.reply_rejected, 0u);
    EXPECT_FALSE(load_had_errors(report));
    EXPECT_TRUE(phase.server_read);
    EXPECT_GT(phase.server_rss_mib, 0);
    ASSERT_TRUE(report.rss_before_mib.has_value());
    ASSERT_TRUE(report.closes_refused.has_value());
    EXPECT_EQ(*report.closes_refused, 0u);
    EXPECT_TRUE(report.problems.empty()) << report.problems.front();

    std::ostringstream printed;
    print_load_report(report, options, printed);
    EXPECT_NE(printed.str().find("customer → agent"), std::string::npos) << printed.str();
    EXPECT_NE(printed.str().find("agent → customer"), std::string::npos) << printed.str();
    EXPECT_NE(printed.str().find("Errors: none"), std::string::npos) << printed.str();

    // The server's own records: every load chat closed by its agent as a load test.
    const std::string admin = sign_in(server.port(), "admin", "admin-demo");
    std::size_t closed = 0;
    for (const auto& chat : chats_in_full(server.port(), admin, "&status=closed")) {
        closed += chat.at("resolution").at("category") == "Load test";
    }
    EXPECT_EQ(closed, 8u);
}

}  // namespace
}  // namespace parley::sim
