// The read model is derived data: its file deleted, or damaged, it is rebuilt from the log at
// the next start and equals, row for row and index entry for index entry, the one built as the
// events came.
#include <fstream>

#include "rest/rest_test_support.h"
#include "server/store/sqlite_db.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

// Every row of the read model's tables and every entry of its text indexes, as text.
std::vector<std::string> dump(const std::filesystem::path& file) {
    auto db = sqlite::Connection::open(file, sqlite::Connection::Mode::existing);
    db.exec(
        "CREATE VIRTUAL TABLE temp.message_words USING fts5vocab(main, message_text, instance);"
        "CREATE VIRTUAL TABLE temp.customer_words USING fts5vocab(main, customer_text, "
        "instance);");
    std::vector<std::string> rows;
    for (const char* sql : {"SELECT * FROM chat_rows ORDER BY position",
                            "SELECT * FROM day_figures ORDER BY 1, 2, 3, 4",
                            "SELECT * FROM temp.message_words ORDER BY 1, 2, 3, 4",
                            "SELECT * FROM temp.customer_words ORDER BY 1, 2, 3, 4",
                            "SELECT version, through FROM read_model"}) {
        sqlite::Query query(db, sql);
        while (query.next_row()) {
            std::string row = sql;
            for (int column = 0; column < query.columns(); ++column) {
                row += " | " + query.text_at(column);
            }
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

class ReadModelRebuild : public RestTest {
protected:
    void ok(const std::string& token, json command) {
        const HttpResult answer = send_command(port(), token, std::move(command));
        ASSERT_EQ(answer.status, 200) << answer.body;
    }

    // Lists once, which waits until the read model holds everything committed.
    std::size_t listed(const std::string& token) {
        const HttpResult page = api(port(), Verb::get, "/api/chats?limit=200", nullptr, token);
        EXPECT_EQ(page.status, 200) << page.body;
        return page.json["chats"].size();
    }
};

TEST_F(ReadModelRebuild, ADeletedReadModelIsRebuiltFromTheLogAsItWas) {
    const std::string maria = staff("maria");
    ok(maria, {{"type", "set_presence"}, {"agent", "maria"}, {"presence", "online"}});
    const StartedChat ann = start_chat(port(), "Анна Ёлкина", "Принтер не печатает");
    ok(maria, {{"type", "accept_chat"}, {"chat", ann.chat}});
    ok(maria, {{"type", "post_agent_message"},
               {"chat", ann.chat},
               {"text", "Let me check the printer queue."},
               {"attachments", json::array()}});
    ok(maria, {{"type", "close_chat"},
               {"chat", ann.chat},
               {"category", "Hardware"},
               {"notes", ""},
               {"resolve_ticket", false}});
    ok(ann.token, {{"type", "submit_csat"}, {"chat", ann.chat}, {"score", 5}, {"comment", ""}});
    start_chat(port(), "Bruno Baker", "Invoice question", "Billing");
    const StartedChat left = start_chat(port(), "Carla Cruz", "Hello?");
    ok(left.token, {{"type", "customer_cancel_chat"}, {"chat", left.chat}});
    // Ann's chat leaves the live State: its whole life, archive included, falls in one batch of
    // the rebuild, which must still project it before it goes.
    archive_closed_chats(port());
    wait_until_archived(server.server(), ann.chat);
    const std::string sofia = staff("sofia");
    ASSERT_EQ(listed(sofia), 3u);
    const std::filesystem::path file = server.data_dir() / "data" / "readmodel.db";
    const std::vector<std::string> built = dump(file);
    ASSERT_GT(built.size(), 20u);

    server.restart([&](ServerConfig&) {
        for (const char* suffix : {"", "-wal", "-shm"}) {
            std::filesystem::remove(file.string() + suffix);
        }
    });
    EXPECT_EQ(listed(sofia), 3u);
    EXPECT_EQ(dump(file), built) << "rebuilt after the file was deleted";

    server.restart([&](ServerConfig&) {
        for (const char* suffix : {"-wal", "-shm"}) {
            std::filesystem::remove(file.string() + suffix);
        }
        std::ofstream damaged(file, std::ios::binary | std::ios::trunc);
        damaged << std::string(8192, 'x');
    });
    EXPECT_EQ(listed(sofia), 3u);
    EXPECT_EQ(dump(file), built) << "rebuilt after the file was damaged";

    const HttpResult found =
        api(port(), Verb::get, "/api/chats?q=%D0%BF%D1%80%D0%B8%D0%BD%D1%82%D0%B5%D1%80", nullptr,
            sofia);
    ASSERT_EQ(found.status, 200) << found.body;
    ASSERT_EQ(found.json["chats"].size(), 1u) << "принтер, found again after the rebuild";
    EXPECT_EQ(found.json["chats"][0]["id"], ann.chat);
}

}  // namespace
}  // namespace parley::server::testing
