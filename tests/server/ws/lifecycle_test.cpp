// The whole chat lifecycle over WebSocket against a real server and SQLite file: a customer
// and two agents; and two agents accepting the same chat at the same instant, 100 times.
#include <gtest/gtest.h>

#include "support/test_server.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

bool has_event(const std::vector<json>& messages, const std::string& type) {
    for (const json& message : messages) {
        if (message.value("type", "") == "event" && message["event"].value("type", "") == type) {
            return true;
        }
    }
    return false;
}

json expect_event(WsClient& client, const std::string& type) {
    for (int i = 0; i < 200; ++i) {
        auto message = client.next();
        if (!message) {
            break;
        }
        if (message->value("type", "") == "event" && (*message)["event"]["type"] == type) {
            return (*message)["event"];
        }
    }
    ADD_FAILURE() << "no " << type << " event";
    return json();
}

TEST(WsLifecycle, CustomerAndTwoAgentsFromStartToClose) {
    TestServer server;
    const CustomerChat started =
        start_chat_directly(server.server(), "Anna", "My invoice is wrong", 1);
    WsClient customer(server.port());
    const json welcome = customer.hello(started.token);
    ASSERT_EQ(welcome["type"], "welcome") << welcome.dump();
    EXPECT_EQ(welcome["actor"]["kind"], "customer");
    const json customer_sync = customer.expect("sync");
    ASSERT_FALSE(customer_sync.is_null());

    WsClient maria(server.port());
    ASSERT_EQ(maria.hello(sign_in(server.port(), "maria", "maria-demo"))["type"], "welcome");
    const json maria_sync = maria.expect("sync");
    EXPECT_EQ(chat_in_sync(maria_sync, started.chat)["customer"], started.customer)
        << "a queued chat of her queue is visible to maria";

    WsClient ivan(server.port());
    ASSERT_EQ(ivan.hello(sign_in(server.port(), "ivan", "ivan-demo"))["type"], "welcome");
    ivan.expect("sync");

    EXPECT_EQ(maria.command(
                  {{"type", "set_presence"}, {"agent", "maria"}, {"presence", "online"}})["type"],
              "ack");
    const json accepted = maria.command({{"type", "accept_chat"}, {"chat", started.chat}});
    ASSERT_EQ(accepted["type"], "ack") << accepted.dump();
    EXPECT_GT(accepted["seq"].get<std::uint64_t>(), 0u);

    EXPECT_EQ(expect_event(customer, "chat_assigned")["agent"], "Maria Garcia");
    EXPECT_EQ(expect_event(ivan, "chat_assigned")["agent"], "maria")
        << "ivan saw the chat waiting, so he learns it was taken";

    ASSERT_EQ(maria.command({{"type", "post_agent_message"},
                             {"chat", started.chat},
                             {"text", "Hello Anna, let me look."}})["type"],
              "ack");
    EXPECT_EQ(expect_event(customer, "message_posted")["text"], "Hello Anna, let me look.");

    ASSERT_EQ(maria.command({{"type", "add_note"},
                             {"chat", started.chat},
                             {"text", "VIP customer, refund likely"}})["type"],
              "ack");

    ASSERT_EQ(customer.command({{"type", "post_customer_message"},
                                {"chat", started.chat},
                                {"text", "Thank you!"}})["type"],
              "ack");
    EXPECT_EQ(expect_event(maria, "message_posted")["text"], "Thank you!");

    const json closed = maria.command({{"type", "close_chat"},
                                       {"chat", started.chat},
                                       {"category", "billing"},
                                       {"resolve_ticket", false},
                                       {"notes", "refunded 20 EUR"}});
    ASSERT_EQ(closed["type"], "ack") << closed.dump();
    const json customer_closed = expect_event(customer, "chat_closed");
    EXPECT_EQ(customer_closed["notes"], "") << "resolution notes are staff business";
    EXPECT_EQ(customer_closed["category"], "");

    EXPECT_FALSE(has_event(customer.seen, "note_added")) << "customers never see notes";
    for (const json& message : customer.seen) {
        EXPECT_EQ(message.dump().find("VIP customer"), std::string::npos) << message.dump();
    }
    ivan.next(std::chrono::milliseconds(300));
    for (const json& message : ivan.seen) {
        EXPECT_EQ(message.dump().find("Thank you!"), std::string::npos)
            << "a colleague does not follow maria's conversation";
    }
}

TEST(WsLifecycle, TwoAgentsAcceptingTheSameChatAtTheSameInstantExactlyOneWins) {
    TestServer server;
    WsClient maria(server.port());
    maria.hello(sign_in(server.port(), "maria", "maria-demo"));
    WsClient ivan(server.port());
    ivan.hello(sign_in(server.port(), "ivan", "ivan-demo"));
    for (auto* agent : {&maria, &ivan}) {
        agent->expect("sync");
    }
    maria.command({{"type", "set_presence"}, {"agent", "maria"}, {"presence", "online"}});
    ivan.command({{"type", "set_presence"}, {"agent", "ivan"}, {"presence", "online"}});
    int maria_wins = 0;
    int ivan_wins = 0;
    for (int trial = 0; trial < 100; ++trial) {
        const CustomerChat started = start_chat_directly(
            server.server(), "Race" + std::to_string(trial), "who takes me?", 1);
        const std::string suffix = std::to_string(trial);
        maria.send({{"type", "accept_chat"}, {"command_id", "m" + suffix}, {"chat", started.chat}});
        ivan.send({{"type", "accept_chat"}, {"command_id", "i" + suffix}, {"chat", started.chat}});
        const auto reply_to = [](WsClient& client, const std::string& id) {
            for (int i = 0; i < 500; ++i) {
                auto message = client.next();
                if (!message) {
                    break;
                }
                if (message->value("command_id", "") == id) {
                    return *message;
                }
            }
            return json();
        };
        const json from_maria = reply_to(maria, "m" + suffix);
        const json from_ivan = reply_to(ivan, "i" + suffix);
        const bool maria_won = from_maria["type"] == "ack";
        const bool ivan_won = from_ivan["type"] == "ack";
        ASSERT_NE(maria_won, ivan_won)
            << "trial " << trial << ": " << from_maria.dump() << " " << from_ivan.dump();
        const json& loser = maria_won ? from_ivan : from_maria;
        EXPECT_EQ(loser["type"], "rejected");
        EXPECT_EQ(loser["code"], "already_assigned") << loser.dump();
        EXPECT_NE(loser["message"].get<std::string>().find("already accepted"), std::string::npos);
        (maria_won ? maria_wins : ivan_wins) += 1;
        WsClient& winner = maria_won ? maria : ivan;
        ASSERT_EQ(winner.command({{"type", "close_chat"},
                                  {"chat", started.chat},
                                  {"category", "race"},
                                  {"notes", ""},
                                  {"resolve_ticket", false}})["type"],
                  "ack");
    }
    EXPECT_EQ(maria_wins + ivan_wins, 100);
}

}  // namespace
}  // namespace parley::server::testing
