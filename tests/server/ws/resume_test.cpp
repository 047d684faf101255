// Reconnecting: a client that says the last sequence number it holds gets exactly the
// messages it missed (no gap, no duplicate), or a fresh sync when that is no longer possible;
// and the State survives a restart.
#include <gtest/gtest.h>

#include "sim/load/server_metrics.h"
#include "support/test_server.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

std::vector<std::uint64_t> seqs_of(const std::vector<json>& messages) {
    std::vector<std::uint64_t> seqs;
    for (const json& message : messages) {
        const std::string type = message.value("type", "");
        if (type == "event" || type == "chat" || type == "sync") {
            seqs.push_back(message["seq"].get<std::uint64_t>());
        }
    }
    return seqs;
}

// A series from /metrics, read as an admin.
std::uint64_t counter(unsigned short port, const std::string& admin, const std::string& name) {
    const HttpResult metrics = http_call(port, boost::beast::http::verb::get, "/metrics", {},
                                         {{"Authorization", "Bearer " + admin}});
    const auto series = load::parse_metrics(metrics.body);
    const auto found = series.find(name);
    EXPECT_NE(found, series.end()) << name;
    return found == series.end() ? 0 : static_cast<std::uint64_t>(found->second);
}

TEST(WsResume, WhatAResumedClientMissedLeavesInAFewSocketWrites) {
    TestServer server;
    const std::string token = sign_in(server.port(), "sofia", "sofia-demo");
    const std::string admin = sign_in(server.port(), "admin", "admin-demo");
    std::uint64_t held = 0;
    {
        WsClient first(server.port());
        first.hello(token);
        held = first.expect("sync")["seq"];
    }
    for (int i = 0; i < 40; ++i) {
        start_chat_directly(server.server(), "Missed" + std::to_string(i), "while away", 2);
    }
    const std::uint64_t frames = counter(server.port(), admin, "parley_websocket_frames_total");
    const std::uint64_t writes =
        counter(server.port(), admin, "parley_websocket_socket_writes_total");

    WsClient again(server.port());
    ASSERT_EQ(again.hello(token, held)["type"], "welcome");
    const std::vector<json> missed = again.drain(std::chrono::milliseconds(500));
    EXPECT_GE(seqs_of(missed).size(), 40u);

    // The feed hands the whole backlog to the session in one turn of the authority: it reaches
    // the outbox together and leaves in one write or a few, not one write a message.
    const std::uint64_t frames_sent =
        counter(server.port(), admin, "parley_websocket_frames_total") - frames;
    const std::uint64_t socket_writes =
        counter(server.port(), admin, "parley_websocket_socket_writes_total") - writes;
    EXPECT_GE(frames_sent, missed.size());
    EXPECT_LT(socket_writes * 4, frames_sent)
        << socket_writes << " socket writes carried " << frames_sent << " frames";
}

TEST(WsResume, AResumedClientGetsExactlyWhatItMissed) {
    TestServer server;
    const std::string token = sign_in(server.port(), "sofia", "sofia-demo");
    // A second connection of the same supervisor stays up throughout: the reference stream.
    WsClient steady(server.port());
    steady.hello(token);
    steady.expect("sync");
    std::vector<json> resumed_stream;
    std::uint64_t held = 0;
    {
        WsClient first(server.port());
        first.hello(token);
        const json sync = first.expect("sync");
        held = sync["seq"];
        start_chat_directly(server.server(), "Before", "one", 1);
        auto before = first.drain(std::chrono::milliseconds(400));
        resumed_stream.insert(resumed_stream.end(), before.begin(), before.end());
        held = std::max(held, last_seq(before));
    }
    for (int i = 0; i < 5; ++i) {
        start_chat_directly(server.server(), "Missed" + std::to_string(i), "while away", 2);
    }
    WsClient again(server.port());
    const json welcome = again.hello(token, held);
    ASSERT_EQ(welcome["type"], "welcome");
    auto after = again.drain(std::chrono::milliseconds(600));
    for (const json& message : after) {
        EXPECT_NE(message.value("type", ""), "sync") << "the feed still reaches back: no sync";
    }
    resumed_stream.insert(resumed_stream.end(), after.begin(), after.end());

    const auto steady_seqs = seqs_of(steady.drain(std::chrono::milliseconds(300)));
    const auto resumed_seqs = seqs_of(resumed_stream);
    EXPECT_EQ(resumed_seqs, steady_seqs) << "no gap and no duplicate";
    EXPECT_TRUE(std::is_sorted(resumed_seqs.begin(), resumed_seqs.end()));
    EXPECT_EQ(std::adjacent_find(resumed_seqs.begin(), resumed_seqs.end()), resumed_seqs.end());
    EXPECT_GE(resumed_seqs.size(), 6u);
}

TEST(WsResume, AResumePointTheFeedCannotServeGetsASync) {
    TestServer server;
    const std::string token = sign_in(server.port(), "sofia", "sofia-demo");
    WsClient client(server.port());
    client.hello(token, 999999);
    const json first = client.next().value_or(json());
    EXPECT_EQ(first["type"], "sync") << "a resume point from the future is not trusted";
}

TEST(WsResume, TheStateSurvivesARestartAndResumingAfterItGivesASync) {
    TestServer server;
    const CustomerChat anna = start_chat_directly(server.server(), "Anna", "still there?", 1);
    std::uint64_t held = 0;
    {
        WsClient maria(server.port());
        maria.hello(sign_in(server.port(), "maria", "maria-demo"));
        held = maria.expect("sync")["seq"];
        maria.command({{"type", "set_presence"}, {"agent", "maria"}, {"presence", "online"}});
        maria.command({{"type", "accept_chat"}, {"chat", anna.chat}});
        maria.command({{"type", "post_agent_message"}, {"chat", anna.chat}, {"text", "survives"}});
    }
    server.restart();
    WsClient maria(server.port());
    maria.hello(sign_in(server.port(), "maria", "maria-demo"), held);
    const json sync = maria.expect("sync");
    const json chat = chat_in_sync(sync, anna.chat);
    EXPECT_EQ(chat["assignee"], "maria");
    ASSERT_FALSE(chat["messages"].empty());
    EXPECT_EQ(chat["messages"].back()["text"], "survives");
    WsClient customer(server.port());
    EXPECT_EQ(customer.hello(anna.token)["type"], "welcome") << "customer tokens are durable";
}

}  // namespace
}  // namespace parley::server::testing
