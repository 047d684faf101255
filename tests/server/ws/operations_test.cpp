// What operators rely on: the tick loop drives time-outs, /metrics exposes the figures,
// requests beyond a client address's rate are refused, and a client that stops reading is cut
// off instead of growing the server's memory.
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
    // /metrics is for admins (and API keys, and the --metrics-token).
    const std::string admin = sign_in(server.port(), "admin", "admin-demo");
    HttpResult metrics;
    for (int i = 0; i < 40; ++i) {
        metrics = http_call(server.port(), http::verb::get, "/metrics", {},
                            {{"Authorization", "Bearer " + admin}});
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
          "parley_events_committed_total", "parley_connections 1", "parley_websocket_frames_total",
          "parley_websocket_socket_writes_total", "parley_queue_waiting{queue=\"General\"} 1"}) {
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

TEST(Operations, AClientThatStopsReadingIsDisconnectedWithAReason) {
    TestServer server([](ServerConfig& config) { config.send_queue_mib = 1; });
    // A supervisor sees every message of the floor, and never reads after the welcome.
    WsClient sofia(server.port());
    ASSERT_EQ(sofia.hello(sign_in(server.port(), "sofia", "sofia-demo"))["type"], "welcome");

    // Room for the flood: by default a customer may write 1 MiB into one chat.
    core::Settings roomy;
    roomy.customer_messages_per_chat = 1000000;
    roomy.customer_bytes_per_chat = std::uint64_t{1} << 30;
    ASSERT_TRUE(std::holds_alternative<protocol::Ack>(
        run_command(server.server(), core::Actor::system(), core::UpdateSettings{roomy})));
    const CustomerChat chat = start_chat_directly(server.server(), "Flood", "hello");
    WsClient customer(server.port());
    customer.hello(chat.token);
    customer.expect("sync");
    // Far more than the kernel's socket buffers and the 1 MiB queue hold together.
    const std::string text(3900, 'x');
    constexpr int kRounds = 60;
    constexpr int kPerRound = 100;
    int acks = 0;
    for (int round = 0; round < kRounds; ++round) {
        for (int i = 0; i < kPerRound; ++i) {
            customer.send({{"type", "post_customer_message"},
                           {"command_id", "flood-" + std::to_string(round * kPerRound + i)},
                           {"chat", chat.chat},
                           {"text", text}});
        }
        // The customer reads its own replies, so only the supervisor falls behind.
        for (int answered = 0; answered < kPerRound;) {
            const auto message = customer.next();
            ASSERT_TRUE(message) << "the customer's commands went unanswered";
            if ((*message)["type"] == "ack") {
                ++answered;
            }
        }
        acks += kPerRound;
    }
    EXPECT_EQ(acks, kRounds * kPerRound);

    while (sofia.next(std::chrono::milliseconds(5000))) {
    }
    ASSERT_TRUE(sofia.closed()) << "the slow reader is still connected";
    EXPECT_EQ(sofia.close_code(), 1008);
    EXPECT_NE(sofia.close_reason().find("send queue overflow"), std::string::npos)
        << sofia.close_reason();
    customer.send({{"type", "ping"}});
    EXPECT_EQ(customer.expect("pong")["type"], "pong") << "the server goes on serving the others";
}

}  // namespace
}  // namespace parley::server::testing
