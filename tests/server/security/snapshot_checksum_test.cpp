// Issue 16 (low): an edited snapshot page loaded without a warning. Someone with the data
// folder rewrites a customer's words inside the stored snapshot, keeping it valid JSON; at the
// next start the server must refuse that snapshot and rebuild the State from the event log, so
// the words the log recorded are the ones served.
#include <gtest/gtest.h>

#include "rest/rest_test_support.h"
#include "server/store/sqlite_db.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

std::string first_message_text(unsigned short port, const std::string& chat) {
    WsClient sofia(port);
    EXPECT_EQ(sofia.hello(demo_staff(port, "sofia"))["type"], "welcome");
    const json found = chat_in_sync(sofia.expect("sync"), chat);
    if (!found.is_object() || found.value("messages", json::array()).empty()) {
        return {};
    }
    return found["messages"][0].value("text", "");
}

TEST(Low_SnapshotChecksum, AnEditedSnapshotIsRefusedAndTheLogReplayed) {
    const auto data = fresh_temp_dir("parley-snapshot-") / "data";
    const auto use_data = [&](ServerConfig& config) { config.data_dir = data; };
    std::string chat;
    {
        TestServer first(use_data);
        chat = start_chat_directly(first.server(), "Ivo Edit", "refund my order 1234").chat;
    }
    {
        // Stopping saved a snapshot; the forgery keeps its length and its JSON valid.
        auto db = sqlite::Connection::open(data / "parley.db", sqlite::Connection::Mode::existing);
        sqlite::Query(db,
                      "UPDATE snapshots SET payload = replace(payload, "
                      "'refund my order 1234', 'refund my order 9999')")
            .run();
        sqlite::Query count(db, "SELECT count(*) FROM snapshots WHERE instr(payload, '9999') > 0");
        ASSERT_TRUE(count.next_row());
        ASSERT_GT(count.int_at(0), 0) << "no snapshot held the customer's words";
    }
    TestServer second(use_data);
    EXPECT_EQ(first_message_text(second.port(), chat), "refund my order 1234")
        << "the edited snapshot was loaded instead of the log";
    EXPECT_FALSE(second.server().failed());
    std::error_code ignored;
    std::filesystem::remove_all(data.parent_path(), ignored);
}

}  // namespace
}  // namespace parley::server::testing
