// Item 7: WebSockets that never said hello were never closed, and one address could open as
// many connections as it liked: ~1,000 of them made /healthz time out for everyone. Now a
// silent WebSocket is closed after the hello deadline, and an address holding its share of
// connections is refused with 503 while everyone else is served.
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "edge_support.h"
#include "rest/rest_test_support.h"

namespace parley::server::testing {
namespace {

TEST(Connections, Item7_AWebSocketThatNeverSaysHelloIsClosedWithAReason) {
    TestServer server([](ServerConfig& config) { config.hello_timeout_ms = 300; });
    WsClient silent(server.port());
    EXPECT_FALSE(silent.next(std::chrono::seconds(20)).has_value());
    ASSERT_TRUE(silent.closed()) << "the silent socket was left open";
    EXPECT_EQ(silent.close_code(), 1008);
    EXPECT_NE(silent.close_reason().find("hello"), std::string::npos) << silent.close_reason();
}

TEST(Connections, Item7_AHelloInTimeKeepsTheSocketOpenPastTheDeadline) {
    TestServer server([](ServerConfig& config) { config.hello_timeout_ms = 300; });
    WsClient maria(server.port());
    ASSERT_EQ(maria.hello(sign_in(server.port(), "maria", "maria-demo"))["type"], "welcome");
    maria.expect("sync");
    // Past the deadline the socket still answers.
    while (maria.next(std::chrono::milliseconds(600))) {
    }
    maria.send(nlohmann::json{{"type", "ping"}});
    EXPECT_EQ(maria.expect("pong")["type"], "pong");
    EXPECT_FALSE(maria.closed());
}

TEST(Connections, Item7_OneAddressCannotTakeEveryConnection) {
    TestServer server;
    const unsigned limit = server.server().services().config.connections_per_address;
    ASSERT_LT(limit, 1000u) << "the default must stop a thousand sockets from one address";
    boost::asio::io_context io;
    std::vector<std::unique_ptr<RawClient>> flood;
    for (int i = 0; i < 1000; ++i) {
        flood.push_back(std::make_unique<RawClient>(io, server.port(), "127.0.0.2"));
        flood.back()->send(upgrade_request(server.port()));
        flood.back()->read_response();
    }
    ASSERT_TRUE(run_until_all_answered(io, flood)) << "some sockets got no answer at all";
    unsigned upgraded = 0;
    unsigned refused = 0;
    for (const auto& socket : flood) {
        if (!socket->response()) {
            continue;
        }
        if (socket->response()->result_int() == 101) {
            ++upgraded;
        } else if (socket->response()->result_int() == 503 &&
                   socket->response()->body().find("too_many_connections") != std::string::npos) {
            ++refused;
        }
    }
    EXPECT_EQ(upgraded, limit);
    EXPECT_EQ(refused, 1000u - limit);

    // Everyone else is served while the flood holds its share.
    boost::asio::io_context other_io;
    RawClient neighbour(other_io, server.port(), "127.0.0.3");
    neighbour.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    neighbour.read_response();
    ASSERT_TRUE(run_until(other_io, [&] { return neighbour.answered(); }));
    ASSERT_TRUE(neighbour.response().has_value());
    EXPECT_EQ(neighbour.response()->result_int(), 200u);

    // Closed sockets give their places back.
    flood.clear();
    io.restart();
    io.poll();
    bool upgraded_again = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!upgraded_again && std::chrono::steady_clock::now() < deadline) {
        RawClient again(io, server.port(), "127.0.0.2");
        again.send(upgrade_request(server.port()));
        again.read_response();
        ASSERT_TRUE(run_until(io, [&] { return again.answered(); }));
        upgraded_again = again.response() && again.response()->result_int() == 101;
    }
    EXPECT_TRUE(upgraded_again);
}

}  // namespace
}  // namespace parley::server::testing
