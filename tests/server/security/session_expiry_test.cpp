// Issue 16, item 5: an expired session (staff or customer) kept working on an already open
// WebSocket. Sessions here are written to the store with a short life, as the server's own
// sign-in would with a short setting.
#include <gtest/gtest.h>

#include <future>

#include "server/auth/tokens.h"
#include "support/test_server.h"

namespace parley::server::testing {
namespace {

using Verb = boost::beast::http::verb;
using nlohmann::json;

constexpr core::Duration kLife = 1500;

// A token whose session ends kLife from now.
std::string short_session(Server& server, SessionKind kind, const std::string& subject,
                          std::optional<std::string> chat) {
    const std::string token = auth::new_token();
    const core::Timestamp now = server.services().clock();
    std::promise<std::optional<StoreError>> stored;
    server.services().account_store.put_session(
        StoredSession{auth::token_hash(token), kind, subject, std::move(chat), now, now + kLife},
        [&stored](std::optional<StoreError> error) { stored.set_value(std::move(error)); });
    EXPECT_FALSE(stored.get_future().get());
    return token;
}

// Waits for the server to close the socket; messages before the close are kept in `seen`.
void wait_for_close(WsClient& ws) {
    for (int i = 0; i < 100 && !ws.closed(); ++i) {
        ws.next(std::chrono::milliseconds(100));
    }
}

TEST(Item5_SessionExpiry, ACustomerSocketIsClosedAtExpiry) {
    TestServer server;
    const CustomerChat chat = start_chat_directly(server.server(), "Ann", "hello?");
    const std::string token =
        short_session(server.server(), SessionKind::customer, chat.customer, chat.chat);
    WsClient ws(server.port());
    ASSERT_EQ(ws.hello(token)["type"], "welcome");
    EXPECT_EQ(ws.command({{"type", "set_typing"}, {"chat", chat.chat}, {"typing", true}})["type"],
              "ack");

    wait_for_close(ws);
    ASSERT_TRUE(ws.closed());
    EXPECT_EQ(ws.close_code(), 1008);
    EXPECT_EQ(ws.close_reason(), "session expired");
    // The token is refused everywhere from now on.
    EXPECT_EQ(http_call(server.port(), Verb::get, "/api/session", {},
                        {{"Authorization", "Bearer " + token}})
                  .status,
              401);
    WsClient again(server.port());
    EXPECT_EQ(again.hello(token)["type"], "error");
}

TEST(Item5_SessionExpiry, AStaffSocketIsClosedAtExpiryAndSendsNothingMore) {
    TestServer server;
    const std::string token = short_session(server.server(), SessionKind::staff, "maria", {});
    WsClient ws(server.port());
    ASSERT_EQ(ws.hello(token)["type"], "welcome");

    wait_for_close(ws);
    ASSERT_TRUE(ws.closed());
    EXPECT_EQ(ws.close_code(), 1008);
    EXPECT_EQ(ws.close_reason(), "session expired");
    // A command after expiry is never run.
    ws.send({{"type", "set_presence"},
             {"command_id", "late"},
             {"agent", "maria"},
             {"presence", "online"}});
    EXPECT_FALSE(ws.next(std::chrono::milliseconds(200)));
}

// A session signed in the usual way keeps its socket: the close is for expiry only.
TEST(Item5_SessionExpiry, ALiveSessionKeepsItsSocket) {
    TestServer server;
    const std::string token = sign_in(server.port(), "maria", "maria-demo");
    WsClient ws(server.port());
    ASSERT_EQ(ws.hello(token)["type"], "welcome");
    EXPECT_EQ(
        ws.command({{"type", "set_presence"}, {"agent", "maria"}, {"presence", "online"}})["type"],
        "ack");
    EXPECT_FALSE(ws.closed());
}

}  // namespace
}  // namespace parley::server::testing
