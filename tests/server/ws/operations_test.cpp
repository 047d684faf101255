// What operators rely on: the tick loop drives time-outs, /metrics exposes the figures, and
// requests beyond a client address's rate are refused.
#include <gtest/gtest.h>

#include <thread>

#include "support/test_server.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;
namespace http = boost::beast::http;

TEST(Operations, TheTickLoopTimesOutAnOfferNobodyAnswers) {
    TestServer server;
    core::QueueConfig config;
    config.name = "Technical";
    config.mode = core::RoutingMode::offer;
    config.offer_timeout = 300;
    ASSERT_TRUE(std::holds_alternative<protocol::Ack>(
        run_command(server.server(), core::Actor::system(), core::UpdateQueue{3, config})));
    WsClient ivan(server.port());
    ivan.hello(sign_in(server.port(), "ivan", "ivan-demo"));
    ivan.expect("sync");
    ivan.command({{"type", "set_presence"}, {"agent", "ivan"}, {"presence", "online"}});
    const CustomerChat started = start_chat_directly(server.server(), "Tom", "printer?", 3);
    bool offered = false;
    bool timed_out = false;
    while (auto message = ivan.next(std::chrono::milliseconds(3000))) {
        const std::string text = message->dump();
        offered = offered || text.find("chat_offered") != std::string::npos;
        if (text.find("offer_rejected") != std::string::npos) {
            timed_out = true;
            EXPECT_EQ((*message)["event"]["chat"], started.chat);
            break;
        }
    }
    EXPECT_TRUE(offered);
    EXPECT_TRUE(timed_out) << "the tick loop let the offer time out";
}

TEST(Operations, MetricsAreServedInThePrometheusFormat) {
    TestServer server;
    start_chat_directly(server.server(), "Ada", "hello", 1);
    WsClient maria(server.port());
    maria.hello(sign_in(server.port(), "maria", "maria-demo"));
    maria.expect("sync");
    // Queue figures are published by the tick loop (every 100 ms here).
    HttpResult metrics;
    for (int i = 0; i < 40; ++i) {
        metrics = http_call(server.port(), http::verb::get, "/metrics");
        if (metrics.body.find("queue=\"General\"} 1") != std::string::npos) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_EQ(metrics.status, 200);
    EXPECT_EQ(metrics.headers.at("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
    for (const char* name :
         {"parley_commands_total", "parley_command_seconds_bucket{le=\"0.005\"}",
          "parley_command_seconds_count", "parley_store_commit_seconds_count",
          "parley_events_committed_total", "parley_connections 1",
          "parley_queue_waiting{queue=\"General\"} 1"}) {
        EXPECT_NE(metrics.body.find(name), std::string::npos) << name << "\n" << metrics.body;
    }
}

TEST(Operations, AClientAddressBeyondItsRateIsRefused) {
    TestServer server([](ServerConfig& config) { config.ip_requests_per_second = 5; });
    int refused = 0;
    for (int i = 0; i < 40; ++i) {
        const HttpResult health = http_call(server.port(), http::verb::get, "/healthz");
        if (health.status == 429) {
            refused += 1;
            EXPECT_EQ(health.json["code"], "rate_limited");
        }
    }
    EXPECT_GT(refused, 0);
}

}  // namespace
}  // namespace parley::server::testing
