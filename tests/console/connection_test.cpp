// The console's connection state machine, driven frame by frame through a scripted Link.
#include "console/connection.h"

#include "protocol/handshake.h"

#include <gtest/gtest.h>

namespace parley::console {
namespace {

class ScriptedLink final : public Link {
public:
    void open() override { ++opened; }
    void send(std::string text) override { sent.push_back(std::move(text)); }
    void close() override { ++closed; }
    std::vector<LinkEvent> drain() override { return std::exchange(pending, {}); }
    std::string describe() const override { return "ws://test/ws"; }

    int opened = 0;
    int closed = 0;
    std::vector<std::string> sent;
    std::vector<LinkEvent> pending;
};

TEST(Connection, OpensOnStartAndSaysHelloWhenTheSocketOpens) {
    ScriptedLink link;
    Connection connection(link, "parley-console/test");
    connection.start(std::nullopt);
    connection.update(0.0);
    EXPECT_EQ(link.opened, 1);
    EXPECT_EQ(connection.view().status, ConnectionStatus::connecting);

    link.pending.emplace_back(LinkOpened{});
    connection.update(0.1);
    EXPECT_EQ(connection.view().status, ConnectionStatus::handshaking);
    ASSERT_EQ(link.sent.size(), 1u);
    const auto hello = protocol::decode_hello(link.sent[0]);
    ASSERT_TRUE(hello);
    EXPECT_EQ(hello.value().protocol_version, protocol::kProtocolVersion);
    EXPECT_EQ(hello.value().client, "parley-console/test");
    EXPECT_FALSE(hello.value().token) << "the browser's session rides in its cookie";
    EXPECT_FALSE(hello.value().resume_from) << "a first connection asks for a snapshot";
}

TEST(Connection, HelloCarriesTheTokenAndWhereToResumeFrom) {
    ScriptedLink link;
    Connection connection(link, "c");
    connection.set_resume_from(41);
    connection.start(std::string("desk-token"));
    link.pending.emplace_back(LinkOpened{});
    connection.update(0.1);
    ASSERT_EQ(link.sent.size(), 1u);
    const auto hello = protocol::decode_hello(link.sent[0]);
    ASSERT_TRUE(hello);
    EXPECT_EQ(hello.value().token, "desk-token");
    EXPECT_EQ(hello.value().resume_from, 41u);
}

TEST(Connection, NotSignedInStopsAndAsksForSignIn) {
    ScriptedLink link;
    Connection connection(link, "c");
    connection.start(std::nullopt);
    link.pending.emplace_back(LinkOpened{});
    link.pending.emplace_back(LinkMessage{protocol::encode_error(
        protocol::WireError{"not_signed_in", "Sign in first: this connection has no session."})});
    link.pending.emplace_back(LinkClosed{"not signed in"});
    connection.update(0.1);
    EXPECT_EQ(connection.view().status, ConnectionStatus::needs_sign_in);
    connection.update(100.0);
    EXPECT_EQ(link.opened, 1) << "no retry until someone signs in";
}

// Welcomed as Maria, then the server closes the socket: on purpose (policy) or not.
void welcome_then_close(ScriptedLink& link, Connection& connection, LinkClosed closed) {
    connection.start(std::nullopt);
    link.pending.emplace_back(LinkOpened{});
    link.pending.emplace_back(LinkMessage{protocol::encode_welcome(
        {protocol::kProtocolVersion, "1", parley::core::Actor::agent("maria"), 3})});
    connection.update(0.1);
    ASSERT_EQ(connection.view().status, ConnectionStatus::connected);
    link.pending.emplace_back(std::move(closed));
    connection.update(0.2);
    // The retry finds the session gone.
    connection.update(5.0);
    link.pending.emplace_back(LinkOpened{});
    link.pending.emplace_back(LinkMessage{protocol::encode_error(
        protocol::WireError{"not_signed_in", "Sign in first: the session ended."})});
    connection.update(5.1);
    ASSERT_EQ(connection.view().status, ConnectionStatus::needs_sign_in);
}

TEST(Connection, KeepsTheServersReasonForEndingTheSession) {
    ScriptedLink link;
    Connection connection(link, "c");
    welcome_then_close(link, connection, LinkClosed{"password reset", true});
    EXPECT_EQ(connection.view().ended_because, "password reset");
    connection.update(100.0);
    EXPECT_EQ(link.opened, 2) << "no reconnect loop once the session is gone";
}

TEST(Connection, ALostConnectionIsNoReasonForTheSessionEnding) {
    ScriptedLink link;
    Connection connection(link, "c");
    welcome_then_close(link, connection, LinkClosed{"The server cannot be reached."});
    EXPECT_EQ(connection.view().ended_because, "");
}

TEST(Connection, SessionMessagesPassThroughOnlyOnceWelcomed) {
    ScriptedLink link;
    Connection connection(link, "c");
    connection.start(std::nullopt);
    link.pending.emplace_back(LinkOpened{});
    link.pending.emplace_back(LinkMessage{protocol::encode_welcome(
        {protocol::kProtocolVersion, "1", parley::core::Actor::agent("maria"), 3})});
    link.pending.emplace_back(LinkMessage{"{\"type\":\"pong\"}"});
    const ConnectionUpdate update = connection.update(0.1);
    ASSERT_TRUE(update.welcomed);
    EXPECT_EQ(update.welcomed->id, "maria");
    ASSERT_EQ(update.messages.size(), 1u);
    EXPECT_TRUE(connection.send("{}"));
    connection.stop();
    EXPECT_FALSE(connection.send("{}"));
    EXPECT_EQ(connection.view().status, ConnectionStatus::stopped);
}

TEST(Connection, WelcomeMakesItConnectedWithTheServersVersion) {
    ScriptedLink link;
    Connection connection(link, "c");
    connection.start(std::nullopt);
    connection.update(0.0);
    link.pending.emplace_back(LinkOpened{});
    link.pending.emplace_back(LinkMessage{protocol::encode_welcome(
        {protocol::kProtocolVersion, "9.9.9", parley::core::Actor::agent("maria"), 12})});
    connection.update(0.1);
    EXPECT_EQ(connection.view().status, ConnectionStatus::connected);
    EXPECT_EQ(connection.view().server_version, "9.9.9");
    EXPECT_EQ(connection.view().server, "ws://test/ws");
}

TEST(Connection, VersionMismatchIsShownAndNotRetried) {
    ScriptedLink link;
    Connection connection(link, "c");
    connection.start(std::nullopt);
    connection.update(0.0);
    link.pending.emplace_back(LinkOpened{});
    link.pending.emplace_back(LinkMessage{protocol::encode_version_mismatch(0)});
    link.pending.emplace_back(LinkClosed{"protocol version mismatch"});
    connection.update(0.1);
    EXPECT_EQ(connection.view().status, ConnectionStatus::refused);
    EXPECT_NE(connection.view().problem.find("reload the page"), std::string::npos);
    connection.update(100.0);
    EXPECT_EQ(link.opened, 1);
}

TEST(Connection, UnreadableReplyIsRefusedWithAReason) {
    ScriptedLink link;
    Connection connection(link, "c");
    connection.start(std::nullopt);
    connection.update(0.0);
    link.pending.emplace_back(LinkOpened{});
    link.pending.emplace_back(LinkMessage{"not json"});
    connection.update(0.1);
    EXPECT_EQ(connection.view().status, ConnectionStatus::refused);
    EXPECT_EQ(link.closed, 1);
    EXPECT_FALSE(connection.view().problem.empty());
}

TEST(Connection, LostConnectionRetriesAfterAGrowingDelay) {
    ScriptedLink link;
    Connection connection(link, "c");
    connection.start(std::nullopt);
    connection.update(0.0);
    link.pending.emplace_back(LinkClosed{"The server cannot be reached."});
    connection.update(1.0);
    EXPECT_EQ(connection.view().status, ConnectionStatus::waiting_to_retry);
    EXPECT_EQ(connection.view().problem, "The server cannot be reached.");
    EXPECT_DOUBLE_EQ(connection.view().retry_in_seconds, 1.0);
    connection.update(1.5);
    EXPECT_EQ(link.opened, 1);
    connection.update(2.0);
    EXPECT_EQ(link.opened, 2);
    EXPECT_EQ(connection.view().status, ConnectionStatus::connecting);

    link.pending.emplace_back(LinkClosed{""});
    connection.update(3.0);
    EXPECT_EQ(connection.view().problem, "The connection to the server was lost.");
    EXPECT_DOUBLE_EQ(connection.view().retry_in_seconds, 2.0);
}

TEST(Connection, RetryDelayDoublesAndIsCapped) {
    EXPECT_DOUBLE_EQ(retry_delay_seconds(1), 1.0);
    EXPECT_DOUBLE_EQ(retry_delay_seconds(2), 2.0);
    EXPECT_DOUBLE_EQ(retry_delay_seconds(4), 8.0);
    EXPECT_DOUBLE_EQ(retry_delay_seconds(6), 30.0);
    EXPECT_DOUBLE_EQ(retry_delay_seconds(60), 30.0);
}

}  // namespace
}  // namespace parley::console
