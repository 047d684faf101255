// Who may do what over WebSocket: a role × command matrix of refusals, what customers never
// receive, credentials and origins at the door, and sockets closed when access ends.
#include <gtest/gtest.h>

#include "support/test_server.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;
namespace http = boost::beast::http;

class WsAccess : public ::testing::Test {
protected:
    void SetUp() override {
        anna = start_chat_directly(server.server(), "Anna", "Where is my parcel?", 1);
        boris = start_chat_directly(server.server(), "Boris", "Refund please", 2);
    }

    json connect(WsClient& client, const std::string& token) {
        const json welcome = client.hello(token);
        client.expect("sync");
        return welcome;
    }

    // maria takes Anna's chat so the matrix has a held chat to refuse things on.
    void maria_holds_anna(WsClient& maria) {
        ASSERT_EQ(
            maria.command(
                {{"type", "set_presence"}, {"agent", "maria"}, {"presence", "online"}})["type"],
            "ack");
        ASSERT_EQ(maria.command({{"type", "accept_chat"}, {"chat", anna.chat}})["type"], "ack");
    }

    TestServer server;
    CustomerChat anna;
    CustomerChat boris;
};

struct Refusal {
    const char* who;
    json command;
    const char* code;
};

TEST_F(WsAccess, EveryRoleIsRefusedWhatIsNotItsBusiness) {
    WsClient maria(server.port());
    connect(maria, sign_in(server.port(), "maria", "maria-demo"));
    maria_holds_anna(maria);
    WsClient ivan(server.port());
    connect(ivan, sign_in(server.port(), "ivan", "ivan-demo"));
    WsClient chen(server.port());
    connect(chen, sign_in(server.port(), "chen", "chen-demo"));
    WsClient customer(server.port());
    connect(customer, anna.token);
    const CustomerChat waiting = start_chat_directly(server.server(), "Carl", "anyone?", 1);
    const std::vector<Refusal> refusals = {
        {"customer",
         {{"type", "post_customer_message"}, {"chat", boris.chat}, {"text", "hi Boris"}},
         "not_authorized"},
        {"customer",
         {{"type", "post_agent_message"}, {"chat", anna.chat}, {"text", "x"}},
         "not_authorized"},
        {"customer", {{"type", "add_note"}, {"chat", anna.chat}, {"text", "x"}}, "not_authorized"},
        {"customer", {{"type", "accept_chat"}, {"chat", boris.chat}}, "not_authorized"},
        {"customer",
         {{"type", "close_chat"},
          {"chat", anna.chat},
          {"category", "x"},
          {"notes", ""},
          {"resolve_ticket", false}},
         "not_authorized"},
        {"customer",
         {{"type", "set_presence"}, {"agent", "maria"}, {"presence", "offline"}},
         "not_authorized"},
        {"chen", {{"type", "accept_chat"}, {"chat", waiting.chat}}, "not_queue_member"},
        {"ivan",
         {{"type", "close_chat"},
          {"chat", anna.chat},
          {"category", "x"},
          {"notes", ""},
          {"resolve_ticket", false}},
         "not_assignee"},
        {"ivan",
         {{"type", "post_agent_message"}, {"chat", anna.chat}, {"text", "me too"}},
         "not_assignee"},
        {"ivan", {{"type", "release_chat"}, {"chat", anna.chat}}, "not_assignee"},
        {"ivan", {{"type", "set_capacity"}, {"agent", "ivan"}, {"capacity", 50}}, "not_authorized"},
        {"ivan",
         {{"type", "create_agent"},
          {"agent", "mallory"},
          {"profile", {{"name", "M"}, {"role", "admin"}, {"company", ""}}},
          {"capacity", 3}},
         "not_authorized"},
        {"maria",
         {{"type", "set_presence"}, {"agent", "ivan"}, {"presence", "offline"}},
         "not_authorized"},
        {"maria",
         {{"type", "force_close_chat"}, {"chat", boris.chat}, {"notes", ""}},
         "not_authorized"},
    };
    for (const Refusal& refusal : refusals) {
        WsClient& client = std::string(refusal.who) == "customer" ? customer
                           : std::string(refusal.who) == "ivan"   ? ivan
                           : std::string(refusal.who) == "chen"   ? chen
                                                                  : maria;
        const json reply = client.command(refusal.command);
        EXPECT_EQ(reply["type"], "rejected") << refusal.who << " " << refusal.command.dump();
        EXPECT_EQ(reply["code"], refusal.code)
            << refusal.who << " " << refusal.command.dump() << " → " << reply.dump();
        EXPECT_FALSE(reply.value("message", "").empty());
    }
    EXPECT_EQ(maria.command(
                  {{"type", "post_agent_message"}, {"chat", anna.chat}, {"text", "ok"}})["type"],
              "ack")
        << "after all the refusals the rightful holder still works";
}

TEST_F(WsAccess, CustomersNeverReceiveNotesOrOtherChats) {
    WsClient maria(server.port());
    connect(maria, sign_in(server.port(), "maria", "maria-demo"));
    maria_holds_anna(maria);
    WsClient customer(server.port());
    const json welcome = customer.hello(anna.token);
    EXPECT_EQ(welcome["actor"]["id"], anna.customer);
    const json sync = customer.expect("sync");
    for (const json& chat : sync["snapshot"]["chats"]) {
        if (chat["id"] != anna.chat) {
            EXPECT_EQ(chat["customer"], "") << "other chats are redacted: " << chat.dump();
        }
    }
    EXPECT_EQ(sync.dump().find("Refund please"), std::string::npos);
    maria.command({{"type", "add_note"}, {"chat", anna.chat}, {"text", "secret internal note"}});
    maria.command({{"type", "post_agent_message"}, {"chat", anna.chat}, {"text", "visible"}});
    WsClient boris_client(server.port());
    connect(boris_client, boris.token);
    boris_client.command(
        {{"type", "post_customer_message"}, {"chat", boris.chat}, {"text", "Boris here"}});
    bool got_visible = false;
    while (auto message = customer.next(std::chrono::milliseconds(500))) {
        const std::string text = message->dump();
        EXPECT_EQ(text.find("secret internal note"), std::string::npos);
        EXPECT_EQ(text.find("Boris here"), std::string::npos);
        got_visible = got_visible || text.find("visible") != std::string::npos;
    }
    EXPECT_TRUE(got_visible);
}

TEST_F(WsAccess, NoCredentialOrABadOneIsRefusedAndClosed) {
    WsClient nobody(server.port());
    const json refused = nobody.hello(std::nullopt);
    EXPECT_EQ(refused["type"], "error");
    EXPECT_EQ(refused["code"], "not_signed_in");
    EXPECT_FALSE(nobody.next(std::chrono::milliseconds(2000)));
    EXPECT_EQ(nobody.close_code(), 1008);

    WsClient forger(server.port());
    EXPECT_EQ(forger.hello(std::string(43, 'A'))["code"], "not_signed_in");
    WsClient api_forger(server.port());
    EXPECT_EQ(api_forger.hello("key_0123.secret")["type"], "error");
}

TEST_F(WsAccess, AnotherSitesPageMayNotOpenTheSocket) {
    EXPECT_THROW(WsClient(server.port(), {{"Origin", "https://evil.example"}}),
                 boost::system::system_error);
    WsClient same_site(server.port(),
                       {{"Origin", "http://127.0.0.1:" + std::to_string(server.port())}});
    EXPECT_EQ(same_site.hello(anna.token)["type"], "welcome");
}

TEST_F(WsAccess, SigningOutClosesTheSocketsOfThatSession) {
    const std::string token = sign_in(server.port(), "maria", "maria-demo");
    WsClient maria(server.port());
    connect(maria, token);
    const HttpResult out = http_call(server.port(), http::verb::delete_, "/api/session", "",
                                     {{"Authorization", "Bearer " + token}});
    EXPECT_EQ(out.status, 200) << out.body;
    EXPECT_FALSE(maria.next(std::chrono::milliseconds(3000)));
    EXPECT_TRUE(maria.closed());
    EXPECT_EQ(maria.close_code(), 1008);
    EXPECT_EQ(maria.close_reason(), "signed out");
    WsClient again(server.port());
    EXPECT_EQ(again.hello(token)["code"], "not_signed_in") << "the token died with the session";
}

TEST_F(WsAccess, DisablingAnAccountClosesItsSocketsAndKillsItsTokens) {
    const std::string token = sign_in(server.port(), "chen", "chen-demo");
    WsClient chen(server.port());
    connect(chen, token);
    WsClient admin(server.port());
    connect(admin, sign_in(server.port(), "admin", "admin-demo"));
    const json disabled =
        admin.command({{"type", "set_agent_enabled"}, {"agent", "chen"}, {"enabled", false}});
    ASSERT_EQ(disabled["type"], "ack") << disabled.dump();
    while (chen.next(std::chrono::milliseconds(3000))) {
    }
    EXPECT_TRUE(chen.closed());
    EXPECT_EQ(chen.close_reason(), "account disabled");
    WsClient again(server.port());
    EXPECT_EQ(again.hello(token)["type"], "error");
    const HttpResult login = http_call(server.port(), http::verb::post, "/api/session",
                                       R"({"agent":"chen","password":"chen-demo"})");
    EXPECT_EQ(login.status, 403);
}

}  // namespace
}  // namespace parley::server::testing
