// The State remembers only the newest command ids (--remembered-commands); a command sent again
// after it forgot the id is found in the event log and answers with its first outcome, so it
// still happens once.
#include "rest/rest_test_support.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

class RememberedCommands : public RestTest {
protected:
    RememberedCommands() : RestTest([](ServerConfig& config) { config.remembered_commands = 4; }) {}
};

TEST_F(RememberedCommands, ARepeatBeyondTheWindowAnswersItsFirstOutcome) {
    const StartedChat ann = start_chat(port(), "Ann Lee", "Hello");
    const json message = {{"type", "post_customer_message"},
                          {"chat", ann.chat},
                          {"text", "Only once, please"},
                          {"attachments", json::array()},
                          {"command_id", "again-1"}};
    const HttpResult first = send_command(port(), ann.token, message);
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(first.json["duplicate"], false);

    const std::string maria = staff("maria");
    for (int i = 0; i < 12; ++i) {
        const HttpResult moved = send_command(port(), maria,
                                              {{"type", "set_presence"},
                                               {"agent", "maria"},
                                               {"presence", i % 2 == 0 ? "online" : "away"}});
        ASSERT_EQ(moved.status, 200) << moved.body;
    }

    const HttpResult again = send_command(port(), ann.token, message);
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(again.json["duplicate"], true);
    EXPECT_EQ(again.json["seq"], first.json["seq"]);
    const HttpResult messages =
        api(port(), Verb::get, "/api/chats/" + ann.chat + "/messages", nullptr, ann.token);
    ASSERT_EQ(messages.status, 200) << messages.body;
    int copies = 0;
    for (const json& each : messages.json["messages"]) {
        copies += each["text"] == "Only once, please" ? 1 : 0;
    }
    EXPECT_EQ(copies, 1) << messages.body;

    server.restart();
    const HttpResult after_restart = send_command(port(), ann.token, message);
    ASSERT_EQ(after_restart.status, 200) << after_restart.body;
    EXPECT_EQ(after_restart.json["duplicate"], true) << "the window is rebuilt from the log";
    EXPECT_EQ(after_restart.json["seq"], first.json["seq"]);
}

}  // namespace
}  // namespace parley::server::testing
