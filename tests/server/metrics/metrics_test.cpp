// The Prometheus registry: exact text output, cumulative buckets, concurrent updates.
#include "server/metrics/metrics.h"
#include "server/metrics/process.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <stdexcept>
#include <thread>
#include <vector>

namespace parley::server::metrics {
namespace {

TEST(Metrics, RendersASmallRegistryExactly) {
    Registry registry;
    auto& requests = registry.counter("parley_http_requests_total", "HTTP requests served.");
    auto& sessions = registry.gauge("parley_ws_sessions", "Open WebSocket sessions.");
    auto& latency = registry.histogram("parley_command_seconds", "Command latency.\nIn seconds.",
                                       {0.005, 0.1, 1});
    registry.callback_gauge("parley_queue_length", "Chats waiting.", [] { return 7.0; });
    requests.inc();
    requests.inc(2);
    sessions.set(5);
    sessions.add(-2);
    // Binary fractions, so the rendered sum is exact.
    latency.observe(0.00390625);
    latency.observe(0.0625);
    latency.observe(0.09375);
    latency.observe(3);
    EXPECT_EQ(registry.render(),
              "# HELP parley_http_requests_total HTTP requests served.\n"
              "# TYPE parley_http_requests_total counter\n"
              "parley_http_requests_total 3\n"
              "# HELP parley_ws_sessions Open WebSocket sessions.\n"
              "# TYPE parley_ws_sessions gauge\n"
              "parley_ws_sessions 3\n"
              "# HELP parley_command_seconds Command latency.\\nIn seconds.\n"
              "# TYPE parley_command_seconds histogram\n"
              "parley_command_seconds_bucket{le=\"0.005\"} 1\n"
              "parley_command_seconds_bucket{le=\"0.1\"} 3\n"
              "parley_command_seconds_bucket{le=\"1\"} 3\n"
              "parley_command_seconds_bucket{le=\"+Inf\"} 4\n"
              "parley_command_seconds_sum 3.16015625\n"
              "parley_command_seconds_count 4\n"
              "# HELP parley_queue_length Chats waiting.\n"
              "# TYPE parley_queue_length gauge\n"
              "parley_queue_length 7\n");
}

TEST(Metrics, EmptyRegistryRendersNothing) {
    EXPECT_EQ(Registry().render(), "");
}

TEST(Metrics, HistogramBucketsAreCumulativeWithInfinityAsCount) {
    Histogram histogram(kLatencySecondsBuckets);
    for (const double value : {0.0001, 0.0005, 0.0007, 0.02, 0.02, 2.0, 10.0}) {
        histogram.observe(value);
    }
    const std::vector<std::uint64_t> expected = {2, 3, 3, 3, 3, 5, 5, 5, 5, 5, 5, 6, 7};
    EXPECT_EQ(histogram.cumulative_counts(), expected);
    EXPECT_DOUBLE_EQ(histogram.sum(), 12.0413);
}

TEST(Metrics, HistogramPutsNanOnlyInInfinity) {
    Histogram histogram(std::vector<double>{1.0});
    histogram.observe(std::nan(""));
    EXPECT_EQ(histogram.cumulative_counts(), (std::vector<std::uint64_t>{0, 1}));
}

TEST(Metrics, GaugesRenderFractionsAndSpecialValues) {
    Registry registry;
    registry.gauge("ratio", "A ratio.").set(0.25);
    registry.gauge("big", "A big one.").set(1e20);
    registry.callback_gauge("broken", "Throws.",
                            []() -> double { throw std::runtime_error("scrape failed"); });
    registry.callback_gauge("infinite", "Infinite.", [] { return -HUGE_VAL; });
    EXPECT_EQ(registry.render(),
              "# HELP ratio A ratio.\n# TYPE ratio gauge\nratio 0.25\n"
              "# HELP big A big one.\n# TYPE big gauge\nbig 1e+20\n"
              "# HELP broken Throws.\n# TYPE broken gauge\nbroken NaN\n"
              "# HELP infinite Infinite.\n# TYPE infinite gauge\ninfinite -Inf\n");
}

TEST(Metrics, CallbackGaugesAreReadAtEveryScrape) {
    Registry registry;
    int queued = 1;
    registry.callback_gauge("queued", "Queued.", [&] { return static_cast<double>(queued); });
    EXPECT_NE(registry.render().find("queued 1\n"), std::string::npos);
    queued = 4;
    EXPECT_NE(registry.render().find("queued 4\n"), std::string::npos);
}

// The figures a load test reads from afar: CPU time grows with work, memory is this process's.
TEST(Metrics, ProcessFiguresAreTheServersOwn) {
    Registry registry;
    add_process_metrics(registry);
    const auto value = [&](const std::string& name) {
        const std::string text = registry.render();
        const std::size_t at = text.find("\n" + name + " ");
        EXPECT_NE(at, std::string::npos) << text;
        return at == std::string::npos ? 0.0 : std::stod(text.substr(at + name.size() + 2));
    };
    const double cpu_before = value("process_cpu_seconds_total");
    volatile double spin = 0;
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(200);
    while (std::chrono::steady_clock::now() < until) {
        spin = spin + 1;
    }
    EXPECT_GT(value("process_cpu_seconds_total"), cpu_before);
    const std::vector<char> touched(64 << 20, 1);
    ASSERT_EQ(touched[touched.size() / 2], 1);
    EXPECT_GT(value("process_resident_memory_bytes"), static_cast<double>(touched.size()));
}

TEST(Metrics, ReferencesStayValidAsMoreMetricsAreAdded) {
    Registry registry;
    Counter& first = registry.counter("first_total", "First.");
    for (int i = 0; i < 200; ++i) {
        registry.counter("c" + std::to_string(i), "More.");
    }
    first.inc(5);
    EXPECT_EQ(first.value(), 5u);
    EXPECT_NE(registry.render().find("first_total 5\n"), std::string::npos);
}

TEST(Metrics, RefusesBadAndDuplicateNamesAndBounds) {
    Registry registry;
    registry.counter("taken", "Taken.");
    EXPECT_THROW(registry.gauge("taken", "Again."), std::invalid_argument);
    EXPECT_THROW(registry.counter("", "Empty."), std::invalid_argument);
    EXPECT_THROW(registry.counter("1st", "Digit first."), std::invalid_argument);
    EXPECT_THROW(registry.counter("with-dash", "Dash."), std::invalid_argument);
    EXPECT_THROW(registry.histogram("h", "Unsorted.", {1, 0.5}), std::invalid_argument);
    EXPECT_THROW(registry.histogram("h", "Repeated.", {1, 1}), std::invalid_argument);
    EXPECT_THROW(registry.histogram("h", "Infinite.", {1, HUGE_VAL}), std::invalid_argument);
    EXPECT_THROW(registry.callback_gauge("g", "No callback.", {}), std::invalid_argument);
    registry.histogram("h", "Now fine.", {1});
    EXPECT_EQ(registry.render(),
              "# HELP taken Taken.\n# TYPE taken counter\ntaken 0\n"
              "# HELP h Now fine.\n# TYPE h histogram\nh_bucket{le=\"1\"} 0\n"
              "h_bucket{le=\"+Inf\"} 0\nh_sum 0\nh_count 0\n");
}

TEST(Metrics, ConcurrentUpdatesAllCount) {
    Registry registry;
    Counter& counter = registry.counter("events_total", "Events.");
    Gauge& gauge = registry.gauge("level", "Level.");
    Histogram& histogram = registry.histogram("latency_seconds", "Latency.", {0.5});
    constexpr std::uint64_t kThreads = 4;
    constexpr std::uint64_t kEach = 50'000;
    std::vector<std::thread> threads;
    threads.reserve(kThreads);
    for (std::uint64_t t = 0; t < kThreads; ++t) {
        threads.emplace_back([&] {
            for (std::uint64_t i = 0; i < kEach; ++i) {
                counter.inc();
                gauge.add(1);
                histogram.observe(i % 2 == 0 ? 0.25 : 1.0);
            }
        });
    }
    // Scraping while others write must not disturb them.
    for (int i = 0; i < 20; ++i) {
        EXPECT_FALSE(registry.render().empty());
    }
    for (auto& thread : threads) {
        thread.join();
    }
    constexpr std::uint64_t kTotal = kThreads * kEach;
    EXPECT_EQ(counter.value(), kTotal);
    EXPECT_EQ(gauge.value(), static_cast<double>(kTotal));
    EXPECT_EQ(histogram.cumulative_counts(), (std::vector<std::uint64_t>{kTotal / 2, kTotal}));
    // Half the observations are 0.25 and half 1.0, all exact in binary.
    EXPECT_EQ(histogram.sum(), static_cast<double>(kTotal) * 0.625);
}

}  // namespace
}  // namespace parley::server::metrics
