// A closed chat past the retention leaves the live State (and the snapshot) and is still
// served from the store: readable by its customer and its agent, searchable in the chat list,
// exportable as a transcript, and replayable from its audit trail, before and after a restart.
#include "core/replay.h"
#include "protocol/history_codec.h"
#include "rest/rest_test_support.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

class RestArchive : public RestTest {
protected:
    bool live(const std::string& chat) { return live_in_state(server.server(), chat); }

    // Maria answers Ann in Russian and closes the chat.
    StartedChat closed_chat() {
        const std::string maria = staff("maria");
        const auto run = [&](const json& command) {
            const HttpResult done = send_command(port(), maria, command);
            EXPECT_EQ(done.status, 200) << done.body;
        };
        run({{"type", "set_presence"}, {"agent", "maria"}, {"presence", "online"}});
        const StartedChat chat = start_chat(port(), "Анна Смирнова", "Где моя посылка?");
        run({{"type", "accept_chat"}, {"chat", chat.chat}});
        run({{"type", "post_agent_message"},
             {"chat", chat.chat},
             {"text", "Посылка ПЛ-4417 уже в пути"},
             {"attachments", json::array()}});
        run({{"type", "close_chat"},
             {"chat", chat.chat},
             {"category", "delivery"},
             {"notes", ""},
             {"resolve_ticket", false}});
        return chat;
    }

    void expect_served_from_the_store(const StartedChat& chat) {
        const std::string maria = staff("maria");
        const HttpResult read = api(port(), Verb::get, chat_path(chat.chat), nullptr, maria);
        ASSERT_EQ(read.status, 200) << read.body;
        EXPECT_EQ(read.json["status"], "archived");
        EXPECT_EQ(read.json["messages"][1]["text"], "Посылка ПЛ-4417 уже в пути");

        const HttpResult own =
            api(port(), Verb::get, chat_path(chat.chat, "/messages"), nullptr, chat.token);
        ASSERT_EQ(own.status, 200) << own.body;
        EXPECT_EQ(own.json["chat_status"], "archived");
        EXPECT_EQ(own.json["messages"].front()["text"], "Где моя посылка?");

        const HttpResult transcript =
            api(port(), Verb::get, chat_path(chat.chat, "/transcript?format=text"), nullptr, maria);
        ASSERT_EQ(transcript.status, 200) << transcript.body;
        EXPECT_NE(transcript.body.find("Посылка ПЛ-4417 уже в пути"), std::string::npos)
            << transcript.body;

        const HttpResult found =
            api(port(), Verb::get, "/api/chats?q=%D0%BF%D0%BE%D1%81%D1%8B%D0%BB%D0%BA%D0%B0",
                nullptr, staff("sofia"));
        ASSERT_EQ(found.status, 200) << found.body;
        ASSERT_EQ(found.json["chats"].size(), 1u) << found.body;
        EXPECT_EQ(found.json["chats"][0]["id"], chat.chat);
        EXPECT_EQ(found.json["chats"][0]["status"], "archived");

        const HttpResult history =
            api(port(), Verb::get, chat_path(chat.chat, "/history"), nullptr, staff("sofia"));
        ASSERT_EQ(history.status, 200) << history.body;
        const auto decoded = protocol::decode_chat_history(history.body);
        ASSERT_TRUE(decoded) << decoded.error().message;
        std::vector<core::EventEnvelope> events;
        for (const auto& entry : decoded.value().events) {
            events.push_back(entry.event);
        }
        ASSERT_TRUE(std::holds_alternative<core::ChatArchived>(events.back().event));
        const auto replayed = core::replay_chat(core::State{}, chat.chat, events);
        ASSERT_TRUE(std::holds_alternative<core::ReplayedChat>(replayed));
        EXPECT_EQ(std::get<core::ReplayedChat>(replayed).chat.status, core::ChatStatus::archived);
        // The question, the answer and the notice of the close.
        EXPECT_EQ(std::get<core::ReplayedChat>(replayed).chat.messages.size(), 3u);

        const HttpResult record =
            api(port(), Verb::get, "/api/customers/" + chat.customer + "/tickets", nullptr, maria);
        ASSERT_EQ(record.status, 200) << record.body;
        ASSERT_EQ(record.json["chats"].size(), 1u) << record.body;
        EXPECT_EQ(record.json["chats"][0]["id"], chat.chat);
        EXPECT_EQ(record.json["chats"][0]["status"], "archived");
        EXPECT_EQ(record.json["customer"]["name"], "Анна Смирнова")
            << "the customer left the live State with the chat; the archive still names them";

        // Nobody else learns the chat exists.
        const StartedChat other = start_chat(port(), "Bob Ray", "Hello?");
        EXPECT_EQ(api(port(), Verb::get, chat_path(chat.chat), nullptr, other.token).status, 404);
    }
};

TEST_F(RestArchive, AClosedChatLeavesTheLiveStateAndIsServedFromTheStore) {
    const StartedChat chat = closed_chat();
    ASSERT_TRUE(live(chat.chat));
    archive_closed_chats(port());
    wait_until_archived(server.server(), chat.chat);
    expect_served_from_the_store(chat);

    server.restart();
    EXPECT_FALSE(live(chat.chat)) << "the snapshot or the log brought the archived chat back";
    expect_served_from_the_store(chat);
}

TEST_F(RestArchive, AnArchivedChatTakesNoMoreCommands) {
    const StartedChat chat = closed_chat();
    archive_closed_chats(port());
    wait_until_archived(server.server(), chat.chat);
    const HttpResult rated =
        send_command(port(), chat.token,
                     {{"type", "submit_csat"}, {"chat", chat.chat}, {"score", 5}, {"comment", ""}});
    EXPECT_EQ(rated.status, 404) << rated.body;
    EXPECT_EQ(rated.json["code"], "unknown_chat");
    EXPECT_FALSE(rated.json["message"].get<std::string>().empty());
}

}  // namespace
}  // namespace parley::server::testing
