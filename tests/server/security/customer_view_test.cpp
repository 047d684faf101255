// Issue 16, what an anonymous customer can do to others through their own chat: claim another
// actor's command ids, learn staff account ids and the floor's workflow, mail strangers, and
// write without end. Each test is the attack as it was reproduced on a running server, then
// the defence, over real sockets against a real server.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/test_server.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;
namespace http = boost::beast::http;

class CustomerSurface : public ::testing::Test {
protected:
    void SetUp() override {
        anna = start_chat_directly(server.server(), "Anna", "Where is my parcel?", 1);
        maria_token = sign_in(server.port(), "maria", "maria-demo");
        maria.hello(maria_token);
        maria.expect("sync");
        ASSERT_EQ(
            maria.command(
                {{"type", "set_presence"}, {"agent", "maria"}, {"presence", "online"}})["type"],
            "ack");
        ASSERT_EQ(maria.command({{"command_id", "con-accept"},
                                 {"type", "accept_chat"},
                                 {"chat", anna.chat}})["type"],
                  "ack");
    }

    // Every event message the client has received, unwrapped.
    static std::vector<json> events_seen(const WsClient& client) {
        std::vector<json> events;
        for (const json& message : client.seen) {
            if (message.value("type", "") == "event") {
                events.push_back(message["event"]);
            }
        }
        return events;
    }

    TestServer server;
    CustomerChat anna;
    std::string maria_token;
    WsClient maria{server.port()};
};

// Item 1: a customer sent set_typing under the agent's next command ids; the agent's message
// and close were then answered "duplicate" and nothing happened.
TEST_F(CustomerSurface, Item1_ACustomerCannotClaimAnAgentsNextCommandIds) {
    WsClient customer(server.port());
    customer.hello(anna.token);
    customer.expect("sync");
    for (const char* id : {"con-next-1", "con-next-2"}) {
        const json reply = customer.command(
            {{"command_id", id}, {"type", "set_typing"}, {"chat", anna.chat}, {"typing", true}});
        ASSERT_EQ(reply["type"], "ack") << reply.dump();
    }
    const json posted = maria.command({{"command_id", "con-next-1"},
                                       {"type", "post_agent_message"},
                                       {"chat", anna.chat},
                                       {"text", "Your parcel left today."}});
    EXPECT_EQ(posted["type"], "ack");
    EXPECT_FALSE(posted.value("duplicate", false)) << posted.dump();
    const json closed = maria.command({{"command_id", "con-next-2"},
                                       {"type", "close_chat"},
                                       {"chat", anna.chat},
                                       {"category", "Delivery"},
                                       {"notes", ""},
                                       {"resolve_ticket", false}});
    EXPECT_EQ(closed["type"], "ack");
    EXPECT_FALSE(closed.value("duplicate", false)) << closed.dump();
    // Maria's own repeat is still a duplicate: idempotency holds within one actor.
    const json again = maria.command({{"command_id", "con-next-1"},
                                      {"type", "post_agent_message"},
                                      {"chat", anna.chat},
                                      {"text", "Your parcel left today."}});
    EXPECT_TRUE(again.value("duplicate", false)) << again.dump();
}

// Item 1, REST: one party's Idempotency-Key suppressed another party's request.
TEST_F(CustomerSurface, Item1_AnIdempotencyKeyIsScopedToWhoeverSentIt) {
    const auto post = [&](const std::string& token, const std::string& text) {
        return http_call(server.port(), http::verb::post, "/api/chats/" + anna.chat + "/messages",
                         json{{"text", text}}.dump(),
                         {{"Authorization", "Bearer " + token},
                          {"Content-Type", "application/json"},
                          {"Idempotency-Key", "shared-key-1"}});
    };
    const HttpResult from_customer = post(anna.token, "Still waiting");
    ASSERT_LT(from_customer.status, 300) << from_customer.body;
    const HttpResult from_maria = post(maria_token, "On its way");
    ASSERT_LT(from_maria.status, 300) << from_maria.body;
    EXPECT_FALSE(from_maria.json.value("duplicate", false)) << from_maria.body;
    const HttpResult repeated = post(maria_token, "On its way");
    EXPECT_TRUE(repeated.json.value("duplicate", false)) << repeated.body;
}

// Item 1: every event of a chat carried the command id of whoever caused it, so the customer
// learnt the console's ids. Now a customer sees only their own.
TEST_F(CustomerSurface, Item1_ACustomerSeesNoOtherActorsCommandId) {
    WsClient customer(server.port());
    customer.hello(anna.token);
    customer.expect("sync");
    maria.command({{"command_id", "con-secret-7"},
                   {"type", "post_agent_message"},
                   {"chat", anna.chat},
                   {"text", "Hello Anna"}});
    customer.command({{"command_id", "mine-1"},
                      {"type", "post_customer_message"},
                      {"chat", anna.chat},
                      {"text", "Hi"}});
    customer.command({{"type", "set_typing"}, {"chat", anna.chat}, {"typing", false}});
    bool saw_own = false;
    for (const json& event : events_seen(customer)) {
        const std::string id = event.value("command_id", "");
        EXPECT_EQ(id.find("con-"), std::string::npos) << event.dump();
        saw_own = saw_own || id == "mine-1";
    }
    EXPECT_TRUE(saw_own) << "the customer's own message keeps its id, so the widget matches it";
}

// Item 4 and the low item on internal events: a customer's sync listed every staff login id,
// the queues' set-up and the organisation's counters; their events carried staff ids and the
// floor's offers.
TEST_F(CustomerSurface, Item4_ACustomerLearnsNoStaffIdsNorTheFloorsWorkflow) {
    WsClient customer(server.port());
    customer.hello(anna.token);
    const json sync = customer.expect("sync");
    const json& snapshot = sync["snapshot"];
    // Staff appear under the display names the chat uses, never their account ids.
    ASSERT_EQ(snapshot["agents"].size(), 1u) << snapshot["agents"].dump();
    EXPECT_EQ(snapshot["agents"][0]["id"], "Maria Garcia");
    EXPECT_TRUE(snapshot.value("tickets", json::array()).empty());
    for (const json& queue : snapshot["queues"]) {
        EXPECT_TRUE(queue.value("members", json::array()).empty()) << queue.dump();
    }
    const std::uint64_t next_message_id = snapshot["next_message_id"];
    EXPECT_EQ(next_message_id,
              chat_in_sync(sync, anna.chat)["messages"].back()["id"].get<std::uint64_t>() + 1)
        << "the counter says nothing beyond the customer's own chat";
    const json chat = chat_in_sync(sync, anna.chat);
    ASSERT_FALSE(chat.is_null());
    EXPECT_EQ(chat["assignee"], "Maria Garcia") << chat.dump();

    maria.command({{"type", "post_agent_message"}, {"chat", anna.chat}, {"text", "Hello"}});
    customer.command({{"type", "set_typing"}, {"chat", anna.chat}, {"typing", false}});
    const std::string everything = [&] {
        std::string all;
        for (const json& message : customer.seen) {
            all += message.dump();
        }
        return all;
    }();
    for (const char* login : {"\"maria\"", "\"ivan\"", "\"chen\"", "\"sofia\"", "\"admin\""}) {
        EXPECT_EQ(everything.find(login), std::string::npos) << login << " in " << everything;
    }
    EXPECT_EQ(everything.find("chat_offered"), std::string::npos);
    bool saw_agent_message = false;
    for (const json& event : events_seen(customer)) {
        if (event["type"] == "message_posted" && event["author"]["kind"] == "agent") {
            EXPECT_EQ(event["author"]["id"], "Maria Garcia");
            saw_agent_message = true;
        }
    }
    EXPECT_TRUE(saw_agent_message);
}

// Item 3: after cancelling their own chat a customer had the transcript mailed to 30
// strangers.
TEST_F(CustomerSurface, Item3_TheTranscriptGoesOnlyToTheCustomersOwnAddressAndOnce) {
    const CustomerChat carl = start_chat_directly(server.server(), "Carl", "Hello?", 2);
    WsClient customer(server.port());
    customer.hello(carl.token);
    customer.expect("sync");
    ASSERT_EQ(customer.command({{"type", "customer_cancel_chat"}, {"chat", carl.chat}})["type"],
              "ack");
    int refused_strangers = 0;
    for (int i = 0; i < 5; ++i) {
        const json reply =
            customer.command({{"type", "request_transcript"},
                              {"chat", carl.chat},
                              {"address", "victim" + std::to_string(i) + "@example.net"}});
        refused_strangers +=
            reply["type"] == "rejected" && reply["code"] == "transcript_address_not_on_record";
    }
    EXPECT_EQ(refused_strangers, 5);
    const json own = customer.command(
        {{"type", "request_transcript"}, {"chat", carl.chat}, {"address", "Carl@example.com"}});
    EXPECT_EQ(own["type"], "ack") << own.dump();
    const json twice = customer.command(
        {{"type", "request_transcript"}, {"chat", carl.chat}, {"address", "Carl@example.com"}});
    EXPECT_EQ(twice["code"], "transcript_already_sent") << twice.dump();
}

// Item 9: there was no cap on what a customer may write into one chat.
TEST_F(CustomerSurface, Item9_ACustomerCannotWriteWithoutEndIntoOneChat) {
    WsClient admin(server.port());
    admin.hello(sign_in(server.port(), "admin", "admin-demo"));
    const json sync = admin.expect("sync");
    json settings = sync["snapshot"]["settings"];
    settings["customer_messages_per_chat"] = 5;
    ASSERT_EQ(admin.command({{"type", "update_settings"}, {"settings", settings}})["type"], "ack");
    WsClient customer(server.port());
    customer.hello(anna.token);
    customer.expect("sync");
    std::vector<std::string> outcomes;
    for (int i = 0; i < 6; ++i) {
        const json reply = customer.command({{"type", "post_customer_message"},
                                             {"chat", anna.chat},
                                             {"text", "spam " + std::to_string(i)}});
        outcomes.push_back(reply["type"] == "ack" ? "ack" : reply.value("code", "?"));
    }
    // The question that started the chat is the first of the five.
    EXPECT_EQ(outcomes, (std::vector<std::string>{"ack", "ack", "ack", "ack", "chat_writing_limit",
                                                  "chat_writing_limit"}));
    const json from_maria = maria.command(
        {{"type", "post_agent_message"}, {"chat", anna.chat}, {"text", "Staff still write"}});
    EXPECT_EQ(from_maria["type"], "ack");
}

}  // namespace
}  // namespace parley::server::testing
