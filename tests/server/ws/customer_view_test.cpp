// The customer's view of their chat (core::customer_view) over a real socket: in their sync,
// after every event of their chat they receive, after a resume, and never to staff. What it
// permits is what the server then does with the command. Real sockets, real SQLite, the demo
// organisation (Billing is a "pick" queue, so the chat waits until Maria accepts it).
#include <gtest/gtest.h>

#include <string>

#include "support/test_server.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

constexpr core::QueueId kBillingQueue = 2;

class WsCustomerView : public ::testing::Test {
protected:
    void SetUp() override {
        anna = start_chat_directly(server.server(), "Anna", "Where is my invoice?", kBillingQueue);
        maria.hello(sign_in(server.port(), "maria", "maria-demo"));
        maria.expect("sync");
        ASSERT_EQ(
            maria.command(
                {{"type", "set_presence"}, {"agent", "maria"}, {"presence", "online"}})["type"],
            "ack");
        ASSERT_EQ(customer.hello(anna.token)["type"], "welcome");
        const json sync = customer.expect("sync");
        ASSERT_EQ(sync["chat_views"].size(), 1u) << sync.dump();
        first = sync["chat_views"][0];
        views_read = customer.seen.size();
    }

    json staff(json command) {
        command["chat"] = anna.chat;
        const json reply = maria.command(command);
        EXPECT_EQ(reply["type"], "ack") << reply.dump();
        return reply;
    }

    // The next view of Anna's chat the customer received, including those that arrived while
    // a command of theirs waited for its ack.
    json next_view() {
        for (;;) {
            while (views_read < customer.seen.size()) {
                const json& message = customer.seen[views_read++];
                if (message.value("type", "") == "chat_view") {
                    EXPECT_EQ(message["view"]["chat"], anna.chat);
                    return message;
                }
            }
            if (!customer.next()) {
                ADD_FAILURE() << "no chat_view arrived";
                return json::object({{"view", {{"ended", true}}}});
            }
        }
    }

    TestServer server;
    CustomerChat anna;
    WsClient maria{server.port()};
    WsClient customer{server.port()};
    json first;
    std::size_t views_read = 0;
};

TEST_F(WsCustomerView, TheSyncCarriesTheWaitingChatAndWhatTheCustomerMayDo) {
    EXPECT_EQ(first["chat"], anna.chat);
    EXPECT_EQ(first["status"], "waiting");
    EXPECT_EQ(first["waiting"], true);
    EXPECT_EQ(first["messages"].size(), 1u);
    EXPECT_EQ(first["messages"][0]["text"], "Where is my invoice?");
    EXPECT_EQ(first["actions"]["write"]["allowed"], true);
    EXPECT_EQ(first["actions"]["end_chat"]["allowed"], true);
    EXPECT_EQ(first["actions"]["download_transcript"]["allowed"], true);
    EXPECT_EQ(first["actions"]["rate"]["allowed"], false);
    EXPECT_EQ(first["actions"]["rate"]["code"], "chat_not_closed");
}

TEST_F(WsCustomerView, EachEventTheCustomerSeesIsFollowedByTheChatAsItIsNow) {
    staff({{"type", "accept_chat"}});
    const json assigned = customer.expect("event");
    EXPECT_EQ(assigned["event"]["type"], "chat_assigned");
    const json joined = next_view();
    EXPECT_EQ(joined["seq"], assigned["seq"]);
    EXPECT_FALSE(joined.contains("command_id")) << "Maria's command id is hers";
    EXPECT_EQ(joined["view"]["status"], "with_agent");
    EXPECT_EQ(joined["view"]["agent"], "Maria Garcia");
    EXPECT_EQ(joined["view"]["notices"],
              json::parse(R"([{"agent":"Maria Garcia","before":1,"kind":"agent_joined",)"
                          R"("queue":""}])"));

    const json posted = customer.command({{"command_id", "w-anna-1"},
                                          {"type", "post_customer_message"},
                                          {"chat", anna.chat},
                                          {"text", "Order 118"},
                                          {"attachments", json::array()}});
    ASSERT_EQ(posted["type"], "ack");
    const json mine = next_view();
    EXPECT_EQ(mine["command_id"], "w-anna-1") << "the widget settles its own message by it";
    // Only what the event added: the question before it is unchanged.
    EXPECT_EQ(mine["messages_from"], 1);
    ASSERT_EQ(mine["view"]["messages"].size(), 1u);
    EXPECT_EQ(mine["view"]["messages"][0]["text"], "Order 118");

    // Maria's own socket never receives a customer's view.
    staff({{"type", "post_agent_message"}, {"text", "Found it."}, {"attachments", json::array()}});
    const json answer = next_view();
    EXPECT_EQ(answer["view"]["messages"].back()["author"],
              json::parse(R"({"id":"Maria Garcia","kind":"agent"})"));
    for (const json& message : maria.seen) {
        EXPECT_NE(message.value("type", ""), "chat_view") << message.dump();
    }
}

TEST_F(WsCustomerView, AfterTheCloseTheViewSaysTheCustomerMayNotWriteAndTheServerAgrees) {
    staff({{"type", "accept_chat"}});
    next_view();
    staff({{"type", "close_chat"},
           {"category", "Billing"},
           {"notes", ""},
           {"resolve_ticket", false}});
    json closed = next_view();
    while (!closed["view"]["ended"].get<bool>()) {
        closed = next_view();
    }
    const json& view = closed["view"];
    EXPECT_EQ(view["status"], "ended");
    EXPECT_EQ(view["agent_typing"], false);
    EXPECT_EQ(view["notices"].back()["kind"], "closed");
    const json& write = view["actions"]["write"];
    EXPECT_EQ(write["allowed"], false);
    EXPECT_EQ(write["code"], "chat_closed");
    EXPECT_EQ(write["reason"], "Chat " + anna.chat + " is already closed.");
    EXPECT_EQ(view["actions"]["end_chat"]["code"], "chat_closed");
    EXPECT_EQ(view["actions"]["rate"]["allowed"], true);

    const json refused = customer.command({{"type", "post_customer_message"},
                                           {"chat", anna.chat},
                                           {"text", "One more thing"},
                                           {"attachments", json::array()}});
    EXPECT_EQ(refused["type"], "rejected");
    EXPECT_EQ(refused["code"], write["code"]);
    EXPECT_EQ(refused["message"], write["reason"]);

    ASSERT_EQ(
        customer.command(
            {{"type", "submit_csat"}, {"chat", anna.chat}, {"score", 5}, {"comment", ""}})["type"],
        "ack");
    const json rated = next_view();
    EXPECT_EQ(rated["view"]["csat"]["score"], 5);
    EXPECT_EQ(rated["view"]["actions"]["rate"]["code"], "csat_already_submitted");
}

TEST_F(WsCustomerView, AChatTheCustomerEndedWhileWaitingHasNothingToRate) {
    ASSERT_EQ(customer.command({{"type", "customer_cancel_chat"}, {"chat", anna.chat}})["type"],
              "ack");
    json ended = next_view();
    while (!ended["view"]["ended"].get<bool>()) {
        ended = next_view();
    }
    EXPECT_EQ(ended["view"]["notices"].back()["kind"], "closed_cancelled");
    EXPECT_EQ(ended["view"]["actions"]["rate"]["code"], "nothing_to_rate");
    const json refused = customer.command(
        {{"type", "submit_csat"}, {"chat", anna.chat}, {"score", 4}, {"comment", ""}});
    EXPECT_EQ(refused["type"], "rejected");
    EXPECT_EQ(refused["code"], "nothing_to_rate");
}

TEST_F(WsCustomerView, AResumeReplaysTheViewsMissed) {
    const std::uint64_t seen_up_to = last_seq(customer.seen);
    staff({{"type", "accept_chat"}});
    WsClient again(server.port());
    ASSERT_EQ(again.hello(anna.token, seen_up_to)["type"], "welcome");
    const json replayed = again.expect("chat_view");
    EXPECT_EQ(replayed["view"]["status"], "with_agent");
    EXPECT_GT(replayed["seq"].get<std::uint64_t>(), seen_up_to);
}

}  // namespace
}  // namespace parley::server::testing
