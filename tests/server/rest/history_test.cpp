// GET /api/chats/{chat}/history against a real server: supervisors and admins get every event
// of the chat, in order, as the protocol encodes events; agents, customers and integrations
// are refused; a chat nobody started is 404.
#include "protocol/history_codec.h"
#include "rest/rest_test_support.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

class RestHistory : public RestTest {
protected:
    HttpResult history(const std::string& chat, const std::string& token) {
        return api(server.port(), Verb::get, chat_path(chat, "/history"), nullptr, token);
    }
};

// Maria, online, accepts Ann's question and answers it; Bob's chat waits beside it.
std::string answered_chat(unsigned short port) {
    const std::string maria = demo_staff(port, "maria");
    const auto run = [&](const json& command) {
        const HttpResult done = send_command(port, maria, command);
        EXPECT_EQ(done.status, 200) << done.body;
    };
    run({{"type", "set_presence"}, {"agent", "maria"}, {"presence", "online"}});
    const StartedChat chat = start_chat(port, "Ann Lee", "Where is my invoice?");
    start_chat(port, "Bob Ray", "Hello?");
    run({{"type", "accept_chat"}, {"chat", chat.chat}});
    run({{"type", "post_agent_message"},
         {"chat", chat.chat},
         {"text", "It is in your account."},
         {"attachments", json::array()}});
    return chat.chat;
}

TEST_F(RestHistory, SupervisorsGetTheChatsEventsInOrder) {
    const std::string chat = answered_chat(server.port());
    const HttpResult answer = history(chat, staff("sofia"));
    ASSERT_EQ(answer.status, 200) << answer.body;
    EXPECT_EQ(answer.json["chat"], chat);
    std::vector<std::string> types;
    std::uint64_t last_seq = 0;
    for (const json& entry : answer.json["events"]) {
        EXPECT_GT(entry["seq"].get<std::uint64_t>(), last_seq);
        last_seq = entry["seq"];
        EXPECT_EQ(entry["event"]["chat"], chat);
        types.push_back(entry["event"]["type"]);
    }
    EXPECT_EQ(types, (std::vector<std::string>{"chat_started", "message_posted", "chat_assigned",
                                               "message_posted"}));
    EXPECT_EQ(answer.json["events"][2]["event"]["actor"]["id"], "maria");

    const auto decoded = protocol::decode_chat_history(answer.body);
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(decoded.value().events.size(), 4u);
    EXPECT_EQ(history(chat, staff("admin")).status, 200);
}

TEST_F(RestHistory, OnlySupervisorsAndAdminsMayRead) {
    const StartedChat chat = start_chat(server.port(), "Ann Lee", "Hi");
    const HttpResult agent = history(chat.chat, staff("maria"));
    EXPECT_EQ(agent.status, 403) << agent.body;
    EXPECT_EQ(agent.json["code"], "not_authorized");
    EXPECT_FALSE(agent.json["message"].get<std::string>().empty());

    const HttpResult customer = history(chat.chat, chat.token);
    EXPECT_EQ(customer.status, 403) << customer.body;
    EXPECT_EQ(customer.json["code"], "not_authorized");

    const HttpResult created = api(server.port(), Verb::post, "/api/admin/api-keys",
                                   {{"name", "Gateway"}}, staff("admin"));
    ASSERT_EQ(created.status, 201) << created.body;
    const HttpResult integration = history(chat.chat, created.json["key"]);
    EXPECT_EQ(integration.status, 403) << integration.body;
    EXPECT_EQ(integration.json["code"], "not_authorized");

    EXPECT_EQ(history(chat.chat, {}).status, 401);
}

TEST_F(RestHistory, AnUnknownChatIsNotFound) {
    const std::string sofia = staff("sofia");
    const HttpResult unknown = history("cht_00000000000000000000000000000000", sofia);
    EXPECT_EQ(unknown.status, 404) << unknown.body;
    EXPECT_EQ(unknown.json["code"], "unknown_chat");
    EXPECT_EQ(history("not-a-chat", sofia).status, 404);
}

}  // namespace
}  // namespace parley::server::testing
