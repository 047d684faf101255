// A waiting customer's place in the queue: sent when they connect, pushed when a chat ahead of
// them is taken or another joins behind, gone once an agent has the chat; the same figures in
// GET /api/chats/{chat} while the chat waits. Real sockets, real SQLite, the demo organisation
// (Billing is a "pick" queue, so chats wait until someone accepts them).
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "support/test_server.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;
namespace http = boost::beast::http;

constexpr core::QueueId kBilling = 2;

std::vector<json> positions_in(const std::vector<json>& messages) {
    std::vector<json> positions;
    for (const json& message : messages) {
        if (message.value("type", "") == "queue_position") {
            positions.push_back(message);
        }
    }
    return positions;
}

class WsQueuePosition : public ::testing::Test {
protected:
    void SetUp() override {
        first = start_chat_directly(server.server(), "First", "invoice?", kBilling);
        // Chats arriving in the same millisecond are ordered by their random ids, and these
        // tests need "First" ahead of "Second".
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        second = start_chat_directly(server.server(), "Second", "refund?", kBilling);
        maria_token = sign_in(server.port(), "maria", "maria-demo");
        maria.hello(maria_token);
        maria.expect("sync");
        ASSERT_EQ(
            maria.command(
                {{"type", "set_presence"}, {"agent", "maria"}, {"presence", "online"}})["type"],
            "ack");
    }

    json accept(const CustomerChat& chat) {
        return maria.command({{"type", "accept_chat"}, {"chat", chat.chat}});
    }

    TestServer server;
    CustomerChat first;
    CustomerChat second;
    std::string maria_token;
    WsClient maria{server.port()};
};

TEST_F(WsQueuePosition, ACustomerLearnsTheirPlaceOnConnectAndEachTimeItChanges) {
    WsClient customer(server.port());
    ASSERT_EQ(customer.hello(second.token)["type"], "welcome");
    customer.expect("sync");
    const json on_connect = customer.expect("queue_position");
    EXPECT_EQ(on_connect["chat"], second.chat);
    EXPECT_EQ(on_connect["position"], 2);
    EXPECT_EQ(on_connect["waiting"], 2);
    EXPECT_GT(on_connect["estimated_wait"].get<std::int64_t>(), 0);

    start_chat_directly(server.server(), "Third", "late", kBilling);
    const json behind = customer.expect("queue_position");
    EXPECT_EQ(behind["position"], 2) << "a chat joining behind does not move this one";
    EXPECT_EQ(behind["waiting"], 3);

    ASSERT_EQ(accept(first)["type"], "ack");
    const json moved_up = customer.expect("queue_position");
    EXPECT_EQ(moved_up["position"], 1);
    EXPECT_EQ(moved_up["waiting"], 2);

    ASSERT_EQ(accept(second)["type"], "ack");
    const auto rest = customer.drain(std::chrono::milliseconds(400));
    EXPECT_TRUE(positions_in(rest).empty()) << "no position once an agent has the chat";
    const bool assigned = std::any_of(rest.begin(), rest.end(), [](const json& message) {
        return message.value("type", "") == "event" &&
               message["event"].value("type", "") == "chat_assigned";
    });
    EXPECT_TRUE(assigned);
}

TEST_F(WsQueuePosition, OnlyTheChatsCustomerGetsItAndStaffNever) {
    WsClient other(server.port());
    other.hello(first.token);
    other.expect("sync");
    const json own = other.expect("queue_position");
    EXPECT_EQ(own["chat"], first.chat);
    EXPECT_EQ(own["position"], 1);
    start_chat_directly(server.server(), "Third", "late", kBilling);
    for (const json& position : positions_in(other.drain(std::chrono::milliseconds(400)))) {
        EXPECT_EQ(position["chat"], first.chat) << "never another customer's place";
    }
    EXPECT_TRUE(positions_in(maria.seen).empty());
    EXPECT_TRUE(positions_in(maria.drain(std::chrono::milliseconds(200))).empty());
}

TEST_F(WsQueuePosition, AResumeGetsTheCurrentPlaceNotAStaleOne) {
    std::uint64_t held = 0;
    {
        WsClient customer(server.port());
        customer.hello(second.token);
        held = customer.expect("sync")["seq"];
        EXPECT_EQ(customer.expect("queue_position")["position"], 2);
        held = std::max(held, last_seq(customer.drain(std::chrono::milliseconds(200))));
    }
    ASSERT_EQ(accept(first)["type"], "ack");
    WsClient again(server.port());
    ASSERT_EQ(again.hello(second.token, held)["type"], "welcome");
    const auto messages = again.drain(std::chrono::milliseconds(400));
    const auto positions = positions_in(messages);
    ASSERT_EQ(positions.size(), 1u);
    EXPECT_EQ(positions[0]["position"], 1);
    EXPECT_EQ(positions[0]["waiting"], 1);
    for (const json& message : messages) {
        EXPECT_NE(message.value("type", ""), "sync") << "a resume, not a fresh sync";
    }
}

TEST_F(WsQueuePosition, TheRestChatCarriesThePlaceWhileTheChatWaits) {
    const auto read = [&](const CustomerChat& chat) {
        return http_call(server.port(), http::verb::get, "/api/chats/" + chat.chat, {},
                         {{"Authorization", "Bearer " + chat.token}});
    };
    const HttpResult waiting = read(second);
    ASSERT_EQ(waiting.status, 200) << waiting.body;
    EXPECT_EQ(waiting.json["queue_position"]["position"], 2);
    EXPECT_EQ(waiting.json["queue_position"]["waiting"], 2);
    EXPECT_TRUE(waiting.json["queue_position"].contains("estimated_wait"));
    ASSERT_EQ(accept(second)["type"], "ack");
    const HttpResult taken = read(second);
    ASSERT_EQ(taken.status, 200) << taken.body;
    EXPECT_FALSE(taken.json.contains("queue_position"));
    EXPECT_EQ(read(first).json["queue_position"]["position"], 1);
}

}  // namespace
}  // namespace parley::server::testing
