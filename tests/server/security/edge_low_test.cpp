// The low items at the edge: DNS rebinding (no Host allowlist), pages without CSP,
// frame-ancestors or Referrer-Policy, /metrics open to anyone, a 16 MiB frame seen by the
// client as 1006 instead of 1009, and /healthz answering before --demo made the accounts.
#include <gtest/gtest.h>

#include <fstream>
#include <future>
#include <thread>

#include "edge_support.h"
#include "rest/rest_test_support.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

TEST(HostAllowlist, Low_ARebindingHostNameReachesNeitherTheApiNorTheSocket) {
    TestServer server;
    const std::string evil = "rebind.attacker.example:" + std::to_string(server.port());
    const HttpResult api_call =
        http_call(server.port(), Verb::post, "/api/session",
                  json{{"agent", "maria"}, {"password", "maria-demo"}}.dump(), {{"Host", evil}});
    EXPECT_EQ(api_call.status, 421) << api_call.body;
    EXPECT_EQ(api_call.json["code"], "host_not_allowed");

    boost::asio::io_context io;
    RawClient socket(io, server.port());
    std::string upgrade = upgrade_request(server.port());
    upgrade.replace(upgrade.find("127.0.0.1:"), 10 + std::to_string(server.port()).size(), evil);
    socket.send(upgrade);
    socket.read_response();
    ASSERT_TRUE(run_until(io, [&] { return socket.answered(); }));
    ASSERT_TRUE(socket.response().has_value());
    EXPECT_EQ(socket.response()->result_int(), 421u);
}

TEST(HostAllowlist, Low_TheServersOwnNamesAndListedHostsAreServed) {
    TestServer server([](ServerConfig& config) {
        config.allowed_hosts = {"support.example.com"};
        config.allowed_origins = {"https://shop.example.com"};
    });
    const std::string port = std::to_string(server.port());
    const std::vector<std::string> served = {"127.0.0.1:" + port,       "localhost:" + port,
                                             "LOCALHOST:" + port,       "support.example.com",
                                             "support.example.com:443", "shop.example.com"};
    for (const std::string& host : served) {
        const HttpResult answer =
            http_call(server.port(), Verb::get, "/api/session", {}, {{"Host", host}});
        EXPECT_EQ(answer.status, 401) << host << ": " << answer.body;
    }
    EXPECT_EQ(http_call(server.port(), Verb::get, "/api/session", {},
                        {{"Host", "localhost.attacker.example:" + port}})
                  .status,
              421);
    // Health probes name the server however their network reaches it.
    EXPECT_EQ(http_call(server.port(), Verb::get, "/healthz", {}, {{"Host", "10.1.2.3:9"}}).status,
              200);
}

class SecurityHeaders : public ::testing::Test {
protected:
    void SetUp() override {
        const auto web = server.data_dir() / "web";
        std::ofstream(web / "index.html") << "<!doctype html><title>Parley</title>";
        std::ofstream(web / "widget.js") << "window.parleyWidget = true;";
    }
    TestServer server;
};

TEST_F(SecurityHeaders, Low_TheConsolePageHasACspAndCannotBeFramed) {
    const HttpResult page = http_call(server.port(), Verb::get, "/");
    ASSERT_EQ(page.status, 200) << page.body;
    const std::string csp = header(page, "Content-Security-Policy");
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
    EXPECT_NE(csp.find("script-src 'self' 'wasm-unsafe-eval'"), std::string::npos) << csp;
    EXPECT_EQ(csp.find("'unsafe-eval'"), std::string::npos) << csp;
    EXPECT_EQ(csp.find("script-src 'self' 'unsafe-inline'"), std::string::npos) << csp;
    EXPECT_EQ(header(page, "X-Frame-Options"), "DENY");
    EXPECT_EQ(header(page, "Referrer-Policy"), "no-referrer");
    EXPECT_EQ(header(page, "X-Content-Type-Options"), "nosniff");
}

TEST_F(SecurityHeaders, Low_EveryAnswerSaysNoReferrerAndNoSniffing) {
    const HttpResult script = http_call(server.port(), Verb::get, "/widget.js");
    ASSERT_EQ(script.status, 200);
    EXPECT_EQ(header(script, "Referrer-Policy"), "no-referrer");
    EXPECT_EQ(header(script, "X-Content-Type-Options"), "nosniff");
    // The widget's script is embedded by other sites: nothing may stop them loading it.
    EXPECT_EQ(header(script, "Cross-Origin-Resource-Policy"), "");
    for (const char* target : {"/api/session", "/no-such-page", "/healthz"}) {
        const HttpResult answer = http_call(server.port(), Verb::get, target);
        EXPECT_EQ(header(answer, "Referrer-Policy"), "no-referrer") << target;
        EXPECT_EQ(header(answer, "X-Content-Type-Options"), "nosniff") << target;
        EXPECT_NE(header(answer, "Content-Security-Policy").find("frame-ancestors 'none'"),
                  std::string::npos)
            << target;
    }
}

TEST(Metrics, Low_MetricsNeedAnAdminAnApiKeyOrTheMetricsToken) {
    TestServer server([](ServerConfig& config) { config.metrics_token = "scrape-secret"; });
    const auto metrics = [&](std::map<std::string, std::string> headers) {
        return http_call(server.port(), Verb::get, "/metrics", {}, headers);
    };
    const HttpResult anyone = metrics({});
    EXPECT_EQ(anyone.status, 401) << anyone.body;
    EXPECT_EQ(anyone.body.find("parley_connections"), std::string::npos);
    EXPECT_EQ(metrics(bearer(demo_staff(server.port(), "maria"))).status, 403);
    EXPECT_EQ(metrics({{"Authorization", "Bearer wrong-secret"}}).status, 401);

    const std::string admin = demo_staff(server.port(), "admin");
    const HttpResult as_admin = metrics(bearer(admin));
    EXPECT_EQ(as_admin.status, 200) << as_admin.body;
    EXPECT_NE(as_admin.body.find("parley_connections"), std::string::npos);
    EXPECT_EQ(metrics({{"Authorization", "Bearer scrape-secret"}}).status, 200);
    const HttpResult key =
        api(server.port(), Verb::post, "/api/admin/api-keys", {{"name", "Prometheus"}}, admin);
    ASSERT_EQ(key.status, 201) << key.body;
    EXPECT_EQ(metrics(bearer(key.json["key"].get<std::string>())).status, 200);
}

TEST(Frames, Low_A16MiBFrameEndsWithClose1009SeenByTheClient) {
    TestServer server;
    WsClient maria(server.port());
    ASSERT_EQ(maria.hello(sign_in(server.port(), "maria", "maria-demo"))["type"], "welcome");
    maria.expect("sync");
    maria.send_text(std::string(16 << 20, 'x'));
    while (maria.next(std::chrono::seconds(20))) {
    }
    ASSERT_TRUE(maria.closed());
    EXPECT_EQ(maria.close_code(), 1009) << maria.close_reason();
}

TEST(Health, Low_HealthzSaysStartingUntilTheDemoAccountsExist) {
    const auto dir = fresh_temp_dir("parley-edge-health-");
    ServerConfig config = test_config(dir);
    // Real password hashing: making the demo accounts takes long enough to be asked during it.
    config.password_cost = PasswordCostLevel::interactive;
    auto opened = Server::open(config, wall_clock_options());
    ASSERT_TRUE(std::holds_alternative<std::unique_ptr<Server>>(opened));
    auto server = std::get<std::unique_ptr<Server>>(std::move(opened));
    const unsigned short port = server->endpoint().port();
    auto started = std::async(std::launch::async, [&] { server->start(); });
    std::vector<int> answers;
    HttpResult health;
    do {
        health = http_call(port, Verb::get, "/healthz");
        answers.push_back(health.status);
        if (health.status == 503) {
            EXPECT_EQ(health.json["code"], "starting");
        }
    } while (health.status == 503 && answers.size() < 100000);
    EXPECT_EQ(health.status, 200);
    // Ready means ready: the demo's accounts sign in.
    const HttpResult signed_in =
        http_call(port, Verb::post, "/api/session",
                  json{{"agent", "maria"}, {"password", "maria-demo"}}.dump());
    EXPECT_EQ(signed_in.status, 200)
        << signed_in.body << " after " << answers.size() << " health answers";
    started.get();
    server.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
}

}  // namespace
}  // namespace parley::server::testing
