// Issue 16 (low): an edited snapshot page loaded without a warning. Someone with the data
// folder rewrites a customer's words inside the stored snapshot, keeping it a valid snapshot
// (decompressed, edited and compressed again); at the
// next start the server must refuse that snapshot and rebuild the State from the event log, so
// the words the log recorded are the ones served.
#include <gtest/gtest.h>

#include "rest/rest_test_support.h"
#include "server/engine/stored_snapshot.h"
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
        // Stopping saved a snapshot; the forgery is a snapshot that decodes, with other words.
        auto db = sqlite::Connection::open(data / "parley.db", sqlite::Connection::Mode::existing);
        sqlite::Query latest(db, "SELECT seq, payload FROM snapshots ORDER BY seq DESC LIMIT 1");
        ASSERT_TRUE(latest.next_row()) << "stopping saved no snapshot";
        const std::uint64_t seq = latest.uint_at(0);
        core::State state;
        engine::ChatVersions versions;
        ASSERT_FALSE(decode_stored_snapshot(latest.text_at(1), state, versions));
        core::Chat* held = state.find_chat(chat);
        ASSERT_TRUE(held != nullptr && !held->messages.empty()) << "no snapshot held the chat";
        ASSERT_EQ(held->messages[0].text, "refund my order 1234");
        held->messages[0].text = "refund my order 9999";
        sqlite::Query(db, "UPDATE snapshots SET payload = ?1 WHERE seq = ?2")
            .bind_blob(1, encode_stored_snapshot(state, versions))
            .bind_uint(2, seq)
            .run();
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
