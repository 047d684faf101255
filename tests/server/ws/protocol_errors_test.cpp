// Bad input over WebSocket: malformed JSON, wrong types, unknown commands get a clear
// rejection and the connection goes on; oversized frames, invalid UTF-8 and binary messages
// close it with the right code; and the server keeps serving everyone else.
#include <gtest/gtest.h>

#include "support/test_server.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

class WsProtocolErrors : public ::testing::Test {
protected:
    void SetUp() override {
        token = sign_in(server.port(), "maria", "maria-demo");
        client = std::make_unique<WsClient>(server.port());
        client->hello(token);
        client->expect("sync");
    }

    json reply_to_text(const std::string& text) {
        client->send_text(text);
        return client->expect("rejected");
    }

    TestServer server;
    std::string token;
    std::unique_ptr<WsClient> client;
};

TEST_F(WsProtocolErrors, BadJsonAndWrongShapesAreRefusedWithAReason) {
    EXPECT_EQ(reply_to_text("{not json")["code"], "malformed_json");
    EXPECT_EQ(reply_to_text("[1,2,3]")["code"], "malformed_json");
    EXPECT_EQ(reply_to_text(R"({"type":"fly_to_moon","command_id":"x"})")["code"], "unknown_type");
    EXPECT_EQ(reply_to_text(R"({"type":"accept_chat","command_id":"x","chat":7})")["code"],
              "wrong_type");
    const json object_for_string = reply_to_text(
        R"({"type":"post_agent_message","command_id":"x","chat":"cht_1","text":{"a":1}})");
    EXPECT_EQ(object_for_string["code"], "wrong_type");
    EXPECT_NE(object_for_string["message"].get<std::string>().find("text"), std::string::npos);
    EXPECT_EQ(reply_to_text(R"({"type":"accept_chat","chat":"cht_1"})")["code"], "missing_field");
    const json named = reply_to_text(R"({"type":"close_chat","command_id":"c-9","chat":"cht_1"})");
    EXPECT_EQ(named["command_id"], "c-9") << "a refusal names the command it answers";
    EXPECT_EQ(named["code"], "missing_field");
    EXPECT_EQ(client->command({{"type", "accept_chat"}, {"chat", "cht_424242"}})["code"],
              "unknown_chat");
    const json pong = (client->send(json{{"type", "ping"}}), client->expect("pong"));
    EXPECT_EQ(pong["type"], "pong") << "the connection is still fine";
}

TEST_F(WsProtocolErrors, AnOversizedFrameClosesWith1009) {
    client->send_text(std::string(2 << 20, 'x'));
    EXPECT_FALSE(client->next(std::chrono::milliseconds(5000)));
    EXPECT_EQ(client->close_code(), 1009);
}

TEST_F(WsProtocolErrors, InvalidUtf8ClosesWith1007) {
    client->send_text(std::string("{\"type\":\"ping\",\"x\":\"\xff\xfe\"}"));
    EXPECT_FALSE(client->next(std::chrono::milliseconds(5000)));
    EXPECT_EQ(client->close_code(), 1007);
}

TEST_F(WsProtocolErrors, TheServerGoesOnServingOthers) {
    client->send_text(std::string(2 << 20, 'x'));
    client->next(std::chrono::milliseconds(3000));
    WsClient other(server.port());
    EXPECT_EQ(other.hello(token)["type"], "welcome");
    other.expect("sync");
    EXPECT_EQ(
        other.command({{"type", "set_presence"}, {"agent", "maria"}, {"presence", "away"}})["type"],
        "ack");
}

TEST_F(WsProtocolErrors, ARepeatedCommandIdChangesNothingAndAnswersTheFirstOutcome) {
    const json first = client->command({{"type", "set_presence"},
                                        {"agent", "maria"},
                                        {"presence", "online"},
                                        {"command_id", "same"}});
    const json second = client->command({{"type", "set_presence"},
                                         {"agent", "maria"},
                                         {"presence", "away"},
                                         {"command_id", "same"}});
    ASSERT_EQ(first["type"], "ack");
    ASSERT_EQ(second["type"], "ack");
    EXPECT_TRUE(second["duplicate"].get<bool>());
    EXPECT_EQ(second["seq"], first["seq"]);
}

}  // namespace
}  // namespace parley::server::testing
