// Snapshots come from the replica the snapshot thread keeps, not from a copy of the authority's
// State: what is stored must be exactly what replaying the log up to that event gives, and a
// restarted server must start from it.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "core/apply.h"
#include "protocol/codec.h"
#include "server/engine/stored_snapshot.h"
#include "support/test_server.h"

namespace parley::server::testing {
namespace {

using namespace std::chrono_literals;

// The State and chat versions after every event up to `seq`, from the log alone.
std::pair<core::State, engine::ChatVersions> replayed(EventLog& log, std::uint64_t seq) {
    core::State state;
    engine::ChatVersions versions;
    std::uint64_t at = 0;
    while (at < seq) {
        const std::vector<StoredEvent> batch = log.read_after(at, 1000);
        if (batch.empty()) {
            break;
        }
        for (const StoredEvent& stored : batch) {
            if (stored.seq > seq) {
                return {std::move(state), std::move(versions)};
            }
            const auto event = protocol::decode_event(stored.payload);
            EXPECT_TRUE(event) << stored.seq;
            core::apply(state, event.value());
            if (stored.chat) {
                versions[*stored.chat] = stored.chat_version;
            }
            at = stored.seq;
        }
    }
    return {std::move(state), std::move(versions)};
}

// Waits for a snapshot at or past `seq` to be saved, for at most ten seconds.
std::optional<StoredSnapshot> snapshot_past(EventLog& log, std::uint64_t seq) {
    for (auto waited = 0ms; waited < 10s; waited += 20ms) {
        if (auto snapshot = log.latest_snapshot(); snapshot && snapshot->seq >= seq) {
            return snapshot;
        }
        std::this_thread::sleep_for(20ms);
    }
    return std::nullopt;
}

TEST(Snapshots, AreWhatTheLogReplaysToAndStartUpLoadsThem) {
    TestServer server([](ServerConfig& config) { config.snapshot_every = 10; });
    const CustomerChat chat = start_chat_directly(server.server(), "Ada", "hello");
    for (int i = 0; i < 40; ++i) {
        const Outcome outcome =
            run_command(server.server(), core::Actor::customer(chat.customer),
                        core::PostCustomerMessage{chat.chat, "message " + std::to_string(i), {}});
        ASSERT_TRUE(std::holds_alternative<protocol::Ack>(outcome));
    }
    EventLog& log = server.server().services().event_log;
    const std::uint64_t written = log.last_seq();
    const std::optional<StoredSnapshot> snapshot = snapshot_past(log, written - 10);
    ASSERT_TRUE(snapshot) << "no snapshot within 10 events of event " << written;
    EXPECT_TRUE(snapshot->intact);
    EXPECT_TRUE(snapshot->payload.starts_with("PZ1\n")) << "stored compressed";

    core::State state;
    engine::ChatVersions versions;
    ASSERT_FALSE(decode_stored_snapshot(snapshot->payload, state, versions));
    const auto [expected_state, expected_versions] = replayed(log, snapshot->seq);
    EXPECT_EQ(protocol::encode_snapshot(state), protocol::encode_snapshot(expected_state));
    EXPECT_EQ(versions, expected_versions);

    server.restart();
    const HttpResult messages = http_call(server.port(), boost::beast::http::verb::get,
                                          "/api/chats/" + chat.chat + "/messages", {},
                                          {{"Authorization", "Bearer " + chat.token}});
    ASSERT_EQ(messages.status, 200) << messages.body;
    std::size_t written_by_customer = 0;
    for (const nlohmann::json& message : messages.json["messages"]) {
        written_by_customer += message.value("text", "").starts_with("message ") ? 1 : 0;
    }
    EXPECT_EQ(written_by_customer, 40u) << messages.body;
}

TEST(Snapshots, APlainJsonSnapshotStillLoadsAndADamagedOneIsRefused) {
    core::State state;
    engine::ChatVersions versions;
    const std::string plain =
        R"({"chat_versions":{"cht_1":3},"state":)" + protocol::encode_snapshot(core::State{}) + "}";
    EXPECT_FALSE(decode_stored_snapshot(plain, state, versions));
    EXPECT_EQ(versions.at("cht_1"), 3u);

    std::string damaged = encode_stored_snapshot(core::State{}, {});
    damaged.resize(damaged.size() / 2);
    const std::optional<StoreError> error = decode_stored_snapshot(damaged, state, versions);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, "corrupt");
}

}  // namespace
}  // namespace parley::server::testing
