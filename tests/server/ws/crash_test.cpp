// Durability: kill parley-server with SIGKILL in the middle of a burst of customer messages,
// start it again on the same data folder, and find every acknowledged message there, in order.
#include <gtest/gtest.h>

#include <random>

#include "support/server_process.h"
#include "support/test_server.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

TEST(Durability, EveryAcknowledgedMessageSurvivesSigkill) {
    std::random_device random;
    const auto dir =
        std::filesystem::temp_directory_path() / ("parley-crash-" + std::to_string(random()));
    std::filesystem::create_directories(dir);
    std::vector<std::string> acknowledged;
    std::string chat;
    {
        ServerProcess first(PARLEY_SERVER_BINARY, dir, true);
        ASSERT_NE(first.port(), 0);
        const json started = start_chat_as_customer(first.port(), "Crash", "hello?");
        chat = started["chat"];
        WsClient customer(first.port());
        ASSERT_EQ(customer.hello(started["token"].get<std::string>())["type"], "welcome");
        customer.expect("sync");
        for (int i = 0; i < 3000; ++i) {
            customer.send({{"type", "post_customer_message"},
                           {"command_id", "burst-" + std::to_string(i)},
                           {"chat", chat},
                           {"text", "burst " + std::to_string(i)}});
        }
        while (acknowledged.size() < 300) {
            auto message = customer.next();
            ASSERT_TRUE(message) << "acks stopped after " << acknowledged.size();
            if (message->value("type", "") == "ack") {
                acknowledged.push_back((*message)["command_id"]);
            }
        }
        first.kill_hard();
        while (auto message = customer.next(std::chrono::milliseconds(500))) {
            if (message->value("type", "") == "ack") {
                acknowledged.push_back((*message)["command_id"]);
            }
        }
    }
    ServerProcess second(PARLEY_SERVER_BINARY, dir, false);
    ASSERT_NE(second.port(), 0);
    WsClient sofia(second.port());
    ASSERT_EQ(sofia.hello(sign_in(second.port(), "sofia", "sofia-demo"))["type"], "welcome");
    const json sync = sofia.expect("sync");
    const json messages = chat_in_sync(sync, chat)["messages"];
    std::vector<std::string> texts;
    for (const json& message : messages) {
        texts.push_back(message["text"]);
    }
    std::size_t found = 0;
    for (const std::string& id : acknowledged) {
        const std::string text = "burst " + id.substr(std::string("burst-").size());
        EXPECT_NE(std::find(texts.begin(), texts.end(), text), texts.end())
            << "acknowledged but lost: " << text;
        found += 1;
    }
    EXPECT_GE(found, 300u);
    for (std::size_t i = 1; i < texts.size(); ++i) {
        if (texts[i].starts_with("burst ") && texts[i - 1].starts_with("burst ")) {
            EXPECT_LT(std::stoi(texts[i - 1].substr(6)), std::stoi(texts[i].substr(6)))
                << "messages are never reordered";
        }
    }
    std::filesystem::remove_all(dir);
}

TEST(Durability, SigtermFinishesWhatIsInFlightClosesSocketsWithAReasonAndExitsZero) {
    std::random_device random;
    const auto dir =
        std::filesystem::temp_directory_path() / ("parley-term-" + std::to_string(random()));
    std::filesystem::create_directories(dir);
    std::string chat;
    {
        ServerProcess server(PARLEY_SERVER_BINARY, dir, true);
        ASSERT_NE(server.port(), 0);
        const json started = start_chat_as_customer(server.port(), "Term", "before the stop");
        chat = started["chat"];
        WsClient customer(server.port());
        customer.hello(started["token"].get<std::string>());
        customer.expect("sync");
        for (int i = 0; i < 50; ++i) {
            customer.send({{"type", "post_customer_message"},
                           {"command_id", "term-" + std::to_string(i)},
                           {"chat", chat},
                           {"text", "term " + std::to_string(i)}});
        }
        // Stop while most of the burst is still in flight, once the server is surely reading it.
        int acks = customer.expect("ack").value("type", "") == "ack" ? 1 : 0;
        EXPECT_EQ(server.terminate(), 0);
        while (auto message = customer.next(std::chrono::milliseconds(2000))) {
            acks += message->value("type", "") == "ack" ? 1 : 0;
        }
        EXPECT_TRUE(customer.closed());
        EXPECT_EQ(customer.close_code(), 1001);
        EXPECT_EQ(customer.close_reason(), "server shutting down");
        EXPECT_GT(acks, 0);
    }
    ServerProcess again(PARLEY_SERVER_BINARY, dir, false);
    WsClient sofia(again.port());
    sofia.hello(sign_in(again.port(), "sofia", "sofia-demo"));
    const json sync = sofia.expect("sync");
    EXPECT_FALSE(chat_in_sync(sync, chat)["messages"].empty());
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace parley::server::testing
